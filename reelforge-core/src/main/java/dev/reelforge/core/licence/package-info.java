/** Licensing evidence carried by every media item into the run manifest. */
package dev.reelforge.core.licence;

/** The operator's own media: a folder of pictures and clips indexed for visual search. */
package dev.reelforge.media.library;

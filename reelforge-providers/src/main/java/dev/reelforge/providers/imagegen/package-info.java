/** What the image-generating vendors share: storing and measuring generated pictures. */
package dev.reelforge.providers.imagegen;

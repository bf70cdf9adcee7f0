/**
 * Pixabay stock photos and videos. {@link dev.reelforge.providers.pixabay.PixabayFactory} builds
 * the adapter from validated {@link dev.reelforge.providers.pixabay.PixabayOptions}.
 */
package dev.reelforge.providers.pixabay;

/**
 * Pexels stock photos and videos. {@link dev.reelforge.providers.pexels.PexelsFactory} builds the
 * adapter from validated {@link dev.reelforge.providers.pexels.PexelsOptions}.
 */
package dev.reelforge.providers.pexels;

/**
 * Kling AI video generation (text or image to a 5 or 10 s clip) with a JWT signed from the access
 * and secret keys. {@link dev.reelforge.providers.kling.KlingFactory} builds the adapter from
 * validated {@link dev.reelforge.providers.kling.KlingOptions}.
 */
package dev.reelforge.providers.kling;

/**
 * fal.ai Flux image generation over its queue API. {@link dev.reelforge.providers.fal.FalFactory}
 * builds the adapter from validated {@link dev.reelforge.providers.fal.FalOptions}.
 */
package dev.reelforge.providers.fal;

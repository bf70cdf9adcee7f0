/**
 * fal.ai Flux image generation and Flux-dev image-to-image style references over its queue API.
 * {@link dev.reelforge.providers.fal.FalFactory} builds the adapters from validated {@link
 * dev.reelforge.providers.fal.FalOptions}.
 */
package dev.reelforge.providers.fal;

/**
 * Luma Dream Machine video generation (text, or frames by public URL, to a 5 or 9 s clip), with
 * cancellation and a parser for its callbacks. {@link dev.reelforge.providers.luma.LumaFactory}
 * builds the adapter from validated {@link dev.reelforge.providers.luma.LumaOptions}.
 */
package dev.reelforge.providers.luma;

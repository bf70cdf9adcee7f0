/**
 * Google Veo video generation through the Gemini API's long-running operations. {@link
 * dev.reelforge.providers.veo.VeoFactory} builds the adapter from validated {@link
 * dev.reelforge.providers.veo.VeoOptions}.
 */
package dev.reelforge.providers.veo;

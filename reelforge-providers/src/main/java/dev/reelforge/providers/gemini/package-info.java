/**
 * Google's Gemini API ({@code generateContent}) as a brand analyser. {@link
 * dev.reelforge.providers.gemini.GeminiFactory} builds the adapter from validated {@link
 * dev.reelforge.providers.gemini.GeminiOptions}.
 */
package dev.reelforge.providers.gemini;

/**
 * OpenAI: speech, image generation and moderation. {@link
 * dev.reelforge.providers.openai.OpenAiFactory} builds the adapters from validated {@link
 * dev.reelforge.providers.openai.OpenAiOptions}.
 */
package dev.reelforge.providers.openai;

/**
 * Scripts and the brand director from any OpenAI-compatible chat completions API (OpenAI, DeepSeek,
 * Ollama, vLLM). {@link dev.reelforge.providers.chat.ChatFactory} builds both from validated {@link
 * dev.reelforge.providers.chat.ChatOptions}.
 */
package dev.reelforge.providers.chat;

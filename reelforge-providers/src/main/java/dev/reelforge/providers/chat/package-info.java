/**
 * Scripts from any OpenAI-compatible chat completions API (OpenAI, DeepSeek, Ollama, vLLM). {@link
 * dev.reelforge.providers.chat.ChatFactory} builds the writer from validated {@link
 * dev.reelforge.providers.chat.ChatOptions}.
 */
package dev.reelforge.providers.chat;

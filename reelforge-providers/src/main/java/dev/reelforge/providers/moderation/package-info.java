/**
 * The offline moderator (phrase rules); OpenAI's moderation endpoint is in {@code
 * providers.openai}.
 */
package dev.reelforge.providers.moderation;

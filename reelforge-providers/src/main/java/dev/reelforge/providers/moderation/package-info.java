/** Moderators: offline rules and OpenAI's moderation endpoint. */
package dev.reelforge.providers.moderation;

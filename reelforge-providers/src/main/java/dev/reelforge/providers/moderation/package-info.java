/**
 * The offline moderators: phrase rules for text ({@code RuleBasedModerator}) and, for pictures,
 * those rules over the words tesseract reads in them ({@code OcrImageModerator}); OpenAI's
 * moderation endpoint, text and images, is in {@code providers.openai}.
 */
package dev.reelforge.providers.moderation;

/**
 * The moderation gate: a run's texts, pictures and licence records checked against a {@link
 * dev.reelforge.core.moderation.ModerationPolicy} before rendering.
 */
package dev.reelforge.core.moderation.gate;

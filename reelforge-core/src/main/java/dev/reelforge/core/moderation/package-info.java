/** Text moderation: the {@link dev.reelforge.core.moderation.Moderator} port and its verdicts. */
package dev.reelforge.core.moderation;

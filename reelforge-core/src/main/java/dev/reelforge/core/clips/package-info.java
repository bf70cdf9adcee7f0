/**
 * Ports of the long video → clips feature that adapters implement: {@link
 * dev.reelforge.core.clips.ClipMedia} (FFmpeg) and the records it answers.
 */
package dev.reelforge.core.clips;

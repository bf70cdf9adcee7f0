/**
 * The clips feature's media toolbox over FFmpeg ({@link
 * dev.reelforge.media.clips.FfmpegClipMedia}): probing uploaded long videos, their speech track,
 * scene cuts, loudness and downscaled frames for the face detector.
 */
package dev.reelforge.media.clips;

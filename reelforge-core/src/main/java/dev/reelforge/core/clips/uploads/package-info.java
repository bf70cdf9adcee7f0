/**
 * Resumable, chunked uploads of long videos without any web framework: {@link
 * dev.reelforge.core.clips.uploads.ChunkedUploads} gathers byte ranges in a staging file over the
 * {@link dev.reelforge.core.clips.ClipStore} port, {@link
 * dev.reelforge.core.clips.uploads.ContentRange} reads the {@code Content-Range} header, and {@link
 * dev.reelforge.core.clips.uploads.VideoMagic} and {@link
 * dev.reelforge.core.clips.uploads.SubtitleFormat} tell from the first bytes what a file is.
 */
package dev.reelforge.core.clips.uploads;

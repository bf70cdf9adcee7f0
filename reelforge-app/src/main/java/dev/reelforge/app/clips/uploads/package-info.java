/**
 * The app's side of resumable uploads of long videos: the settings ({@code reelforge.uploads.*}),
 * the {@link dev.reelforge.core.clips.uploads.ChunkedUploads} bean over the clip store and its
 * upkeep, and the JSON view of an upload that the clip routes answer with. The mechanics are core's
 * ({@code core.clips.uploads}); the offset headers are {@code web.UploadOffsets}.
 */
package dev.reelforge.app.clips.uploads;

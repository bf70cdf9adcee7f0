/**
 * The offline video engine ({@link dev.reelforge.media.motion.LocalVideoGenerator}: camera moves,
 * parallax of the estimated subject against its background, start-to-end dissolves over stills or
 * procedural pictures) and the thumbnails of media jobs' outputs ({@link
 * dev.reelforge.media.motion.MediaThumbnails}).
 */
package dev.reelforge.media.motion;

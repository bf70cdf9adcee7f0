/**
 * Pictures as frames: YUV 4:2:0 planes resampled through a moving {@link
 * dev.reelforge.media.frames.Window} (the Ken Burns moves of the render engine, the offline video
 * engine's camera), and the Java2D reading, cover-cropping, resizing and JPEG writing both engines
 * share.
 */
package dev.reelforge.media.frames;

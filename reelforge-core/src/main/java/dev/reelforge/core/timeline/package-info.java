/**
 * The render-agnostic description of a video: segments of visuals with motion and transitions, a
 * voice and a music track, word-timed captions and overlays. The story pipeline builds one, a run
 * keeps it in its work folder, and the render engine compiles it for each output preset. All times
 * are whole milliseconds so that a timeline hashes and compares exactly.
 */
package dev.reelforge.core.timeline;

/**
 * Video generation: the {@link dev.reelforge.core.videogen.VideoGenerator} port (text or image to a
 * short clip), asynchronous so that a job engine polls it as delayed tasks instead of holding a
 * thread while a vendor works.
 */
package dev.reelforge.core.videogen;

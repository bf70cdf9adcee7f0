/** Looking at frames: the {@link dev.reelforge.core.vision.FaceDetector} port and its records. */
package dev.reelforge.core.vision;

/**
 * Looking at frames with OpenCV: {@link dev.reelforge.media.vision.OpenCvFaceDetector} (cascade
 * classifiers shipped in the {@code org.bytedeco:opencv} jar) and {@link
 * dev.reelforge.media.vision.FaceInCrop}, which measures how well an exported vertical clip keeps
 * its speaker's face in the picture.
 */
package dev.reelforge.media.vision;

/**
 * What the video-generating vendors share: bringing a finished clip home (download, measurement
 * from its MP4 index, metering), the lengths they make, the wording of safety refusals, and frames
 * cropped to the asked shape.
 */
package dev.reelforge.providers.videogen;

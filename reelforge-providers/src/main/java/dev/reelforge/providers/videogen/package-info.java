/**
 * What the cloud video engines share: finished clips stored and measured ({@link
 * dev.reelforge.providers.videogen.VideoFiles}, {@link
 * dev.reelforge.providers.videogen.Mp4Header}), frames sent inline ({@link
 * dev.reelforge.providers.videogen.FrameImages}) and the port's error codes ({@link
 * dev.reelforge.providers.videogen.VideoFailures}).
 */
package dev.reelforge.providers.videogen;

/**
 * Publishing to YouTube with the Data API v3's resumable upload. {@link
 * dev.reelforge.providers.youtube.YouTubeFactory} builds the publisher from validated {@link
 * dev.reelforge.providers.youtube.YouTubeOptions}.
 */
package dev.reelforge.providers.youtube;

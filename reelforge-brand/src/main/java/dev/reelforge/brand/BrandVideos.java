package dev.reelforge.brand;

import java.util.List;

/**
 * A storyboard's finished videos: one per preset shape, as blob keys (the routes answer signed
 * links).
 *
 * @param videos the videos in preset order
 * @param music where the music came from
 */
public record BrandVideos(List<Video> videos, String music) {

  public BrandVideos {
    videos = List.copyOf(videos);
  }

  /** One finished video. */
  public record Video(
      String preset,
      String aspectRatio,
      int width,
      int height,
      String videoKey,
      String thumbnailKey,
      long durationMillis,
      long bytes) {}
}

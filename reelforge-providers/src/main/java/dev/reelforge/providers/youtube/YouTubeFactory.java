package dev.reelforge.providers.youtube;

import dev.reelforge.providers.http.CloudContext;
import dev.reelforge.providers.publish.PlatformHttp;

/**
 * Builds the YouTube publisher from validated {@link YouTubeOptions}. The token is the connected
 * account's, handed to each call; the context gives the clock (the quota day) and the call
 * observer.
 */
public final class YouTubeFactory {

  /** The configuration name of the YouTube adapter. */
  public static final String NAME = "youtube";

  private YouTubeFactory() {}

  public static YouTubePublisher publisher(YouTubeOptions options, CloudContext context) {
    return new YouTubePublisher(
        new PlatformHttp(NAME, context.observer()), options, context.clock());
  }
}

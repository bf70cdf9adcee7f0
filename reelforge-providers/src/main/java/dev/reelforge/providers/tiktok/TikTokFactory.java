package dev.reelforge.providers.tiktok;

import dev.reelforge.providers.http.CloudContext;
import dev.reelforge.providers.publish.PlatformHttp;

/**
 * Builds the TikTok publisher from validated {@link TikTokOptions}. The token is the connected
 * account's, handed to each call; the context gives the clock (deferrals) and the call observer.
 */
public final class TikTokFactory {

  /** The configuration name of the TikTok adapter. */
  public static final String NAME = "tiktok";

  private TikTokFactory() {}

  public static TikTokPublisher publisher(TikTokOptions options, CloudContext context) {
    return new TikTokPublisher(
        new PlatformHttp(NAME, context.observer()), options, context.clock());
  }
}

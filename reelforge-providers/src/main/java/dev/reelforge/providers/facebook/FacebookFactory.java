package dev.reelforge.providers.facebook;

import dev.reelforge.providers.http.CloudContext;
import dev.reelforge.providers.meta.GraphClient;

/** Builds the Facebook Reels publisher from validated {@link FacebookOptions}. */
public final class FacebookFactory {

  /** The configuration name of the Facebook adapter. */
  public static final String NAME = "facebook";

  private FacebookFactory() {}

  public static FacebookReels reels(FacebookOptions options, CloudContext context) {
    GraphClient graph =
        GraphClient.of(
            NAME,
            "Facebook",
            options.baseUrl(),
            options.apiVersion(),
            options.resilience(),
            options.writeTimeout(),
            context);
    // Upload chunks get their own, longer limit; errors on the upload host read the same.
    GraphClient upload =
        GraphClient.of(
            NAME,
            "Facebook",
            options.uploadUrl(),
            options.apiVersion(),
            options.resilience(),
            options.chunkTimeout(),
            context);
    return new FacebookReels(graph, upload, options, context.clock());
  }
}

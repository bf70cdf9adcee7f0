package dev.reelforge.providers.instagram;

import dev.reelforge.providers.http.CloudContext;
import dev.reelforge.providers.meta.GraphClient;

/** Builds the Instagram Reels publisher from validated {@link InstagramOptions}. */
public final class InstagramFactory {

  /** The configuration name of the Instagram adapter. */
  public static final String NAME = "instagram";

  private InstagramFactory() {}

  public static InstagramReels reels(InstagramOptions options, CloudContext context) {
    return new InstagramReels(
        GraphClient.of(
            NAME,
            "Instagram",
            options.baseUrl(),
            options.apiVersion(),
            options.resilience(),
            options.writeTimeout(),
            context),
        options,
        context.clock());
  }
}

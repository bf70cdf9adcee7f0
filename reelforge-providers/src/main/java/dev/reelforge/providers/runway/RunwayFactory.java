package dev.reelforge.providers.runway;

import dev.reelforge.core.providers.ProviderChoice;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.videogen.VideoGenerator;
import dev.reelforge.providers.http.Auth;
import dev.reelforge.providers.http.CloudContext;
import dev.reelforge.providers.http.VendorErrors;
import java.util.List;

/**
 * Builds the Runway video generator from validated {@link RunwayOptions}; the key goes as {@code
 * Authorization: Bearer …}, and a 429 is Runway busy ({@code EXTERNAL_RATE_LIMIT}), not our limit.
 */
public final class RunwayFactory {

  /** The configuration name of the Runway adapter. */
  public static final String NAME = "runway";

  private RunwayFactory() {}

  /** Video generation, as the registry offers it. */
  public static List<ProviderChoice<?>> choices(RunwayOptions options, CloudContext context) {
    return List.of(
        new ProviderChoice<VideoGenerator>(
            ProviderPort.VIDEO_GENERATOR,
            NAME,
            false,
            "Runway API, model " + options.model(),
            videos(options, context)));
  }

  public static RunwayVideos videos(RunwayOptions options, CloudContext context) {
    return new RunwayVideos(
        context.client(
            NAME,
            options.endpoint(),
            Auth.bearer(),
            options.resilience(),
            VendorErrors.busyWhenRateLimited("Runway")),
        options,
        context.clock());
  }
}

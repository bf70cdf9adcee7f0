package dev.reelforge.providers.veo;

import dev.reelforge.core.providers.ProviderChoice;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.videogen.VideoGenerator;
import dev.reelforge.providers.http.Auth;
import dev.reelforge.providers.http.CloudContext;
import dev.reelforge.providers.http.VendorErrors;
import java.util.List;

/**
 * Builds the Google Veo video generator from validated {@link VeoOptions}; the key goes as {@code
 * x-goog-api-key}, and a 429 (quota exhausted) is Veo busy ({@code EXTERNAL_RATE_LIMIT}).
 */
public final class VeoFactory {

  /** The configuration name of the Veo adapter. */
  public static final String NAME = "veo";

  private VeoFactory() {}

  /** Video generation, as the registry offers it. */
  public static List<ProviderChoice<?>> choices(VeoOptions options, CloudContext context) {
    return List.of(
        new ProviderChoice<VideoGenerator>(
            ProviderPort.VIDEO_GENERATOR,
            NAME,
            false,
            "Google Veo via the Gemini API, model " + options.model(),
            videos(options, context)));
  }

  public static VeoVideos videos(VeoOptions options, CloudContext context) {
    return new VeoVideos(
        context.client(
            NAME,
            options.endpoint(),
            Auth.header("x-goog-api-key", ""),
            options.resilience(),
            VendorErrors.busyWhenRateLimited("Veo")),
        options,
        context.clock());
  }
}

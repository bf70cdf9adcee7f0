package dev.reelforge.providers.kling;

import dev.reelforge.core.providers.ProviderChoice;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.videogen.VideoGenerator;
import dev.reelforge.providers.http.Auth;
import dev.reelforge.providers.http.CloudContext;
import java.util.List;

/**
 * Builds the Kling video generator from validated {@link KlingOptions}: every call carries a JWT
 * signed from the key pair on the context's clock, and Kling's error codes are read before the
 * generic status mapping.
 */
public final class KlingFactory {

  /** The configuration name of the Kling adapter. */
  public static final String NAME = "kling";

  private KlingFactory() {}

  /** Video generation, as the registry offers it. */
  public static List<ProviderChoice<?>> choices(KlingOptions options, CloudContext context) {
    return List.of(
        new ProviderChoice<VideoGenerator>(
            ProviderPort.VIDEO_GENERATOR,
            NAME,
            false,
            "Kling AI, model " + options.model() + " (" + options.mode() + "), 5 or 10 s clips",
            videos(options, context)));
  }

  public static KlingVideos videos(KlingOptions options, CloudContext context) {
    KlingToken token = new KlingToken(options.accessKey(), options.secretKey(), context.clock());
    return new KlingVideos(
        context.client(
            NAME, options.endpoint(), Auth.bearer(token), options.resilience(), new KlingErrors()),
        options,
        context.clock());
  }
}

package dev.reelforge.providers.luma;

import dev.reelforge.core.providers.ProviderChoice;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.videogen.VideoGenerator;
import dev.reelforge.providers.http.Auth;
import dev.reelforge.providers.http.CloudContext;
import java.util.List;

/**
 * Builds the Luma Dream Machine video generator from validated {@link LumaOptions}; the key goes as
 * {@code Authorization: Bearer …} and Luma's error answers are read before the generic mapping.
 */
public final class LumaFactory {

  /** The configuration name of the Luma adapter. */
  public static final String NAME = "luma";

  private LumaFactory() {}

  /** Video generation, as the registry offers it. */
  public static List<ProviderChoice<?>> choices(LumaOptions options, CloudContext context) {
    return List.of(
        new ProviderChoice<VideoGenerator>(
            ProviderPort.VIDEO_GENERATOR,
            NAME,
            false,
            "Luma Dream Machine, model "
                + options.model()
                + ", 5 or 9 s clips; frames by public URL"
                + options.callbackUrl().map(u -> ", callbacks to " + u).orElse(""),
            videos(options, context)));
  }

  public static LumaVideos videos(LumaOptions options, CloudContext context) {
    return new LumaVideos(
        context.client(
            NAME, options.endpoint(), Auth.bearer(), options.resilience(), new LumaErrors()),
        options,
        context.clock());
  }
}

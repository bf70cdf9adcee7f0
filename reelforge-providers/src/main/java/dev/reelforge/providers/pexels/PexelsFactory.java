package dev.reelforge.providers.pexels;

import dev.reelforge.core.providers.ProviderChoice;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.visuals.VisualSource;
import dev.reelforge.providers.http.Auth;
import dev.reelforge.providers.http.CloudContext;
import java.util.List;

/**
 * Builds the Pexels visual source from validated {@link PexelsOptions}; the key goes in the {@code
 * Authorization} header (the bare key).
 */
public final class PexelsFactory {

  /** The configuration name of the Pexels adapter. */
  public static final String NAME = "pexels";

  private PexelsFactory() {}

  /**
   * Stock visuals, as the registry offers them; the application adds its fallbacks (library,
   * procedural) around them.
   */
  public static List<ProviderChoice<?>> choices(PexelsOptions options, CloudContext context) {
    return List.of(
        new ProviderChoice<VisualSource>(
            ProviderPort.VISUALS,
            NAME,
            false,
            "Pexels photos and videos",
            visuals(options, context)));
  }

  public static PexelsVisuals visuals(PexelsOptions options, CloudContext context) {
    return new PexelsVisuals(
        context.client(
            NAME, options.endpoint(), Auth.header("Authorization", ""), options.resilience()));
  }
}

package dev.reelforge.providers.pixabay;

import dev.reelforge.core.providers.ProviderChoice;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.visuals.VisualSource;
import dev.reelforge.providers.http.Auth;
import dev.reelforge.providers.http.CloudContext;
import java.util.List;

/**
 * Builds the Pixabay visual source from validated {@link PixabayOptions}; the key goes in the
 * {@code key} query parameter.
 */
public final class PixabayFactory {

  /** The configuration name of the Pixabay adapter. */
  public static final String NAME = "pixabay";

  private PixabayFactory() {}

  /**
   * Stock visuals, as the registry offers them; the application adds its fallbacks (library,
   * procedural) around them.
   */
  public static List<ProviderChoice<?>> choices(PixabayOptions options, CloudContext context) {
    return List.of(
        new ProviderChoice<VisualSource>(
            ProviderPort.VISUALS,
            NAME,
            false,
            "Pixabay photos and videos",
            visuals(options, context)));
  }

  public static PixabayVisuals visuals(PixabayOptions options, CloudContext context) {
    return new PixabayVisuals(
        context.client(NAME, options.endpoint(), Auth.queryParameter("key"), options.resilience()));
  }
}

package dev.reelforge.providers.fal;

import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.providers.ProviderChoice;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.providers.http.Auth;
import dev.reelforge.providers.http.CloudContext;
import java.util.List;

/**
 * Builds the fal.ai Flux image generator from validated {@link FalOptions}; the key goes as {@code
 * Authorization: Key …}, and polls wait on the context's clock and sleeper.
 */
public final class FalFactory {

  /** The configuration name of the fal.ai adapter. */
  public static final String NAME = "fal";

  private FalFactory() {}

  /** Image generation, as the registry offers it. */
  public static List<ProviderChoice<?>> choices(FalOptions options, CloudContext context) {
    return List.of(
        new ProviderChoice<ImageGenerator>(
            ProviderPort.IMAGE_GENERATOR,
            NAME,
            false,
            "fal.ai queue, model " + options.model(),
            images(options, context)));
  }

  public static FalFluxImages images(FalOptions options, CloudContext context) {
    return new FalFluxImages(
        context.client(
            NAME, options.endpoint(), Auth.header("Authorization", "Key "), options.resilience()),
        options,
        context.clock(),
        context.sleeper());
  }
}

package dev.reelforge.providers.fal;

import dev.reelforge.core.brand.StyleReferencer;
import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.providers.ProviderChoice;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.providers.http.Auth;
import dev.reelforge.providers.http.CloudContext;
import dev.reelforge.providers.http.JsonApiClient;
import java.util.List;

/**
 * Builds the fal.ai Flux image generator and style referencer from validated {@link FalOptions};
 * the key goes as {@code Authorization: Key …}, and polls wait on the context's clock and sleeper.
 */
public final class FalFactory {

  /** The configuration name of the fal.ai adapter. */
  public static final String NAME = "fal";

  private FalFactory() {}

  /** Image generation and style references, as the registry offers them. */
  public static List<ProviderChoice<?>> choices(FalOptions options, CloudContext context) {
    return List.of(
        new ProviderChoice<ImageGenerator>(
            ProviderPort.IMAGE_GENERATOR,
            NAME,
            false,
            "fal.ai queue, model " + options.model(),
            images(options, context)),
        new ProviderChoice<StyleReferencer>(
            ProviderPort.STYLE_REFERENCE,
            NAME,
            false,
            "fal.ai " + options.styleModel() + " at strength " + options.styleStrength(),
            styleReferencer(options, context)));
  }

  public static FalFluxImages images(FalOptions options, CloudContext context) {
    return new FalFluxImages(client(options, context), options, context.clock(), context.sleeper());
  }

  public static FalStyleReferencer styleReferencer(FalOptions options, CloudContext context) {
    return new FalStyleReferencer(
        client(options, context), options, context.clock(), context.sleeper());
  }

  // One client per adapter: a failing img2img model must not open the circuit for images.
  private static JsonApiClient client(FalOptions options, CloudContext context) {
    return context.client(
        NAME, options.endpoint(), Auth.header("Authorization", "Key "), options.resilience());
  }
}

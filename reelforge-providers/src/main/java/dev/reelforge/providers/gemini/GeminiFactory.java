package dev.reelforge.providers.gemini;

import dev.reelforge.core.brand.BrandAnalyzer;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.providers.ProviderChoice;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.providers.http.Auth;
import dev.reelforge.providers.http.CloudContext;
import dev.reelforge.providers.http.Json;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Builds the Gemini brand analyser from validated {@link GeminiOptions}; the key goes as {@code
 * x-goog-api-key}.
 */
public final class GeminiFactory {

  /** The configuration name of the Gemini adapter. */
  public static final String NAME = "gemini";

  private GeminiFactory() {}

  /** Brand analysis, as the registry offers it. */
  public static List<ProviderChoice<?>> choices(GeminiOptions options, CloudContext context) {
    return List.of(
        new ProviderChoice<BrandAnalyzer>(
            ProviderPort.BRAND_ANALYZER,
            NAME,
            false,
            "Gemini API vision, model " + options.model() + ", structured output",
            analyzer(options, context)));
  }

  public static GeminiBrandAnalyzer analyzer(GeminiOptions options, CloudContext context) {
    return new GeminiBrandAnalyzer(
        context.client(
            NAME,
            options.endpoint(),
            Auth.header("x-goog-api-key", ""),
            options.resilience(),
            GeminiFactory::readError),
        options.model());
  }

  /**
   * Google answers a wrong key with 400 {@code INVALID_ARGUMENT} ("API key not valid"), not 401:
   * said so, naming the setting, where the generic mapping would only quote the message.
   */
  static Optional<ReelForgeException> readError(int status, byte[] body) {
    if (status != 400) {
      return Optional.empty();
    }
    JsonNode error;
    try {
      error = Json.MAPPER.readTree(body).path("error");
    } catch (RuntimeException notJson) {
      return Optional.empty();
    }
    boolean badKey =
        error.path("details").findValues("reason").stream()
                .anyMatch(reason -> reason.asString("").equals("API_KEY_INVALID"))
            || error.path("message").asString("").startsWith("API key not valid");
    if (!badKey) {
      return Optional.empty();
    }
    return Optional.of(
        new ReelForgeException(
            ErrorCode.EXTERNAL_API_ERROR,
            "Gemini rejected the API key (HTTP 400 INVALID_ARGUMENT) — check "
                + GeminiOptions.SETTINGS
                + ".api-key or "
                + GeminiOptions.KEY_VARIABLE,
            false,
            List.of(),
            null));
  }
}

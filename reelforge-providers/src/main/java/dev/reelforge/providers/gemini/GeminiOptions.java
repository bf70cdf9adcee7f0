package dev.reelforge.providers.gemini;

import static dev.reelforge.providers.http.OptionChecks.key;
import static dev.reelforge.providers.http.OptionChecks.present;
import static dev.reelforge.providers.http.OptionChecks.text;
import static dev.reelforge.providers.http.OptionChecks.url;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.http.Endpoint;
import dev.reelforge.providers.http.OptionChecks;
import dev.reelforge.providers.http.ResilienceOptions;

/**
 * How to reach Google's Gemini API for brand analysis, validated when built: errors name the
 * setting of the {@code reelforge.providers.gemini} tree to fix.
 *
 * @param baseUrl the Gemini API's base URL with its version, http(s)
 * @param apiKey the key, required
 * @param model a Gemini model that reads images and answers to a response schema, e.g. {@code
 *     gemini-2.5-flash}
 * @param resilience timeouts, retries, breaker and concurrency of each call
 */
public record GeminiOptions(
    String baseUrl, String apiKey, String model, ResilienceOptions resilience) {

  /** The settings tree these options are read from, named in validation errors. */
  public static final String SETTINGS = "reelforge.providers.gemini";

  /** The variable Google's Gen AI SDKs read the key from (they also read GOOGLE_API_KEY). */
  public static final String KEY_VARIABLE = "GEMINI_API_KEY";

  /** The other variable Google's SDKs read. */
  public static final String SECOND_KEY_VARIABLE = "GOOGLE_API_KEY";

  public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";

  /** Google's price-performance model: images in, structured output, fast enough for an upload. */
  public static final String DEFAULT_MODEL = "gemini-2.5-flash";

  public GeminiOptions {
    baseUrl = url(SETTINGS + ".base-url", baseUrl);
    apiKey = key(SETTINGS + ".api-key", apiKey, KEY_VARIABLE);
    model = text(SETTINGS + ".model", model);
    // The model is a path segment of every call.
    if (!model.matches("[a-z0-9][a-z0-9.-]*")) {
      throw ReelForgeException.invalidField(
          SETTINGS + ".model",
          "must be a Gemini model name such as gemini-2.5-flash, not '" + model + "'");
    }
    present(OptionChecks.HTTP_SETTINGS, resilience);
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public Endpoint endpoint() {
    return new Endpoint(baseUrl, apiKey);
  }

  /** Never prints the key. */
  @Override
  public String toString() {
    return "GeminiOptions[" + baseUrl + ", key set, " + model + "]";
  }

  /** Starts from the defaults; only the key has none. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private String apiKey = "";
    private String model = DEFAULT_MODEL;
    private ResilienceOptions resilience = ResilienceOptions.defaults();

    private Builder() {}

    public Builder setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder setApiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    public Builder setModel(String model) {
      this.model = model;
      return this;
    }

    public Builder setResilience(ResilienceOptions resilience) {
      this.resilience = resilience;
      return this;
    }

    /**
     * @throws ReelForgeException {@code INVALID_INPUT} naming the setting that is wrong
     */
    public GeminiOptions build() {
      return new GeminiOptions(baseUrl, apiKey, model, resilience);
    }
  }
}

package dev.reelforge.providers.veo;

import static dev.reelforge.providers.http.OptionChecks.key;
import static dev.reelforge.providers.http.OptionChecks.positive;
import static dev.reelforge.providers.http.OptionChecks.present;
import static dev.reelforge.providers.http.OptionChecks.text;
import static dev.reelforge.providers.http.OptionChecks.url;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.http.Endpoint;
import dev.reelforge.providers.http.OptionChecks;
import dev.reelforge.providers.http.ResilienceOptions;
import java.time.Duration;

/**
 * How to reach Google's Veo through the Gemini API, validated when built: errors name the setting
 * of the {@code reelforge.providers.veo} tree to fix.
 *
 * @param baseUrl the Gemini API's base URL with its version, http(s)
 * @param apiKey the key, required
 * @param model the Veo model, e.g. {@code veo-3.0-generate-001}
 * @param pollEvery how long a job waits between polls of its operation
 * @param deadline how long one clip may take; past it the job fails (operations cannot be
 *     cancelled)
 * @param resilience timeouts, retries, breaker and concurrency of each call
 */
public record VeoOptions(
    String baseUrl,
    String apiKey,
    String model,
    Duration pollEvery,
    Duration deadline,
    ResilienceOptions resilience) {

  /** The settings tree these options are read from, named in validation errors. */
  public static final String SETTINGS = "reelforge.providers.veo";

  /** The variable Google's Gen AI SDKs read the key from (they also read GOOGLE_API_KEY). */
  public static final String KEY_VARIABLE = "GEMINI_API_KEY";

  /** The other variable Google's SDKs read; it wins there when both are set. */
  public static final String SECOND_KEY_VARIABLE = "GOOGLE_API_KEY";

  public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";
  public static final String DEFAULT_MODEL = "veo-3.0-generate-001";

  /** Google's own examples poll a video operation every ten seconds. */
  public static final Duration DEFAULT_POLL_EVERY = Duration.ofSeconds(10);

  /** Google quotes from 11 seconds to 6 minutes per clip at peak; this leaves room. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(10);

  public VeoOptions {
    baseUrl = url(SETTINGS + ".base-url", baseUrl);
    apiKey = key(SETTINGS + ".api-key", apiKey, KEY_VARIABLE);
    model = text(SETTINGS + ".model", model);
    if (VeoModel.of(model).isEmpty() || !model.matches("[a-z0-9.-]+")) {
      throw ReelForgeException.invalidField(
          SETTINGS + ".model",
          "must name a Veo model (veo-2.0-…, veo-3.0-… or veo-3.1-…), not '" + model + "'");
    }
    positive(SETTINGS + ".poll-every", pollEvery);
    positive(SETTINGS + ".deadline", deadline);
    present(OptionChecks.HTTP_SETTINGS, resilience);
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public Endpoint endpoint() {
    return new Endpoint(baseUrl, apiKey);
  }

  VeoModel generation() {
    return VeoModel.of(model).orElseThrow();
  }

  /** Never prints the key. */
  @Override
  public String toString() {
    return "VeoOptions[" + baseUrl + ", key set, " + model + ", deadline " + deadline + "]";
  }

  /** Starts from the defaults; only the key has none. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private String apiKey = "";
    private String model = DEFAULT_MODEL;
    private Duration pollEvery = DEFAULT_POLL_EVERY;
    private Duration deadline = DEFAULT_DEADLINE;
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

    public Builder setPollEvery(Duration pollEvery) {
      this.pollEvery = pollEvery;
      return this;
    }

    public Builder setDeadline(Duration deadline) {
      this.deadline = deadline;
      return this;
    }

    public Builder setResilience(ResilienceOptions resilience) {
      this.resilience = resilience;
      return this;
    }

    /**
     * @throws ReelForgeException {@code INVALID_INPUT} naming the setting that is wrong
     */
    public VeoOptions build() {
      return new VeoOptions(baseUrl, apiKey, model, pollEvery, deadline, resilience);
    }
  }
}

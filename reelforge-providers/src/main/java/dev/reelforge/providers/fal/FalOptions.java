package dev.reelforge.providers.fal;

import static dev.reelforge.providers.http.OptionChecks.key;
import static dev.reelforge.providers.http.OptionChecks.positive;
import static dev.reelforge.providers.http.OptionChecks.present;
import static dev.reelforge.providers.http.OptionChecks.text;
import static dev.reelforge.providers.http.OptionChecks.url;
import static dev.reelforge.providers.http.OptionChecks.within;

import dev.reelforge.providers.http.Endpoint;
import dev.reelforge.providers.http.OptionChecks;
import dev.reelforge.providers.http.ResilienceOptions;
import java.time.Duration;

/**
 * How to reach fal.ai's queue API (Flux images and style references), validated when built: errors
 * name the setting of the {@code reelforge.providers.fal} tree to fix.
 *
 * @param baseUrl the queue API's base URL, http(s)
 * @param apiKey the key, required
 * @param model the model path, e.g. {@code fal-ai/flux/dev}
 * @param pollEvery the wait between status checks (not a setting; shorter in tests)
 * @param deadline how long one image may take, queueing included
 * @param styleModel the image-to-image model that makes style references, e.g. {@code
 *     fal-ai/flux/dev/image-to-image}
 * @param styleStrength how far a style reference may move from the upload, {@value
 *     #MIN_STYLE_STRENGTH} to {@value #MAX_STYLE_STRENGTH} (seed 001 §2)
 * @param resilience timeouts, retries, breaker and concurrency of each call
 */
public record FalOptions(
    String baseUrl,
    String apiKey,
    String model,
    Duration pollEvery,
    Duration deadline,
    String styleModel,
    double styleStrength,
    ResilienceOptions resilience) {

  /** The settings tree these options are read from, named in validation errors. */
  public static final String SETTINGS = "reelforge.providers.fal";

  /** The variable fal.ai's own clients read the key from. */
  public static final String KEY_VARIABLE = "FAL_KEY";

  public static final String DEFAULT_BASE_URL = "https://queue.fal.run";
  public static final String DEFAULT_MODEL = "fal-ai/flux/dev";
  public static final Duration DEFAULT_POLL_EVERY = Duration.ofSeconds(1);
  public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(3);
  public static final String DEFAULT_STYLE_MODEL = "fal-ai/flux/dev/image-to-image";

  /**
   * Seed 001 §2: img2img at a low strength removes noise and artefacts and keeps the brand's
   * essence; 0.3 to 0.5 is the range it recommends, 0.4 its middle.
   */
  public static final double DEFAULT_STYLE_STRENGTH = 0.4;

  public static final double MIN_STYLE_STRENGTH = 0.3;
  public static final double MAX_STYLE_STRENGTH = 0.5;

  public FalOptions {
    baseUrl = url(SETTINGS + ".base-url", baseUrl);
    apiKey = key(SETTINGS + ".api-key", apiKey, KEY_VARIABLE);
    model = text(SETTINGS + ".model", model);
    positive("the fal.ai poll interval", pollEvery);
    positive(SETTINGS + ".deadline", deadline);
    styleModel = text(SETTINGS + ".style-model", styleModel);
    within(SETTINGS + ".style-strength", styleStrength, MIN_STYLE_STRENGTH, MAX_STYLE_STRENGTH);
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
    return "FalOptions["
        + baseUrl
        + ", key set, "
        + model
        + ", deadline "
        + deadline
        + ", style "
        + styleModel
        + " at strength "
        + styleStrength
        + "]";
  }

  /** Starts from the defaults; only the key has none. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private String apiKey = "";
    private String model = DEFAULT_MODEL;
    private Duration pollEvery = DEFAULT_POLL_EVERY;
    private Duration deadline = DEFAULT_DEADLINE;
    private String styleModel = DEFAULT_STYLE_MODEL;
    private double styleStrength = DEFAULT_STYLE_STRENGTH;
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

    public Builder setStyleModel(String styleModel) {
      this.styleModel = styleModel;
      return this;
    }

    public Builder setStyleStrength(double styleStrength) {
      this.styleStrength = styleStrength;
      return this;
    }

    public Builder setResilience(ResilienceOptions resilience) {
      this.resilience = resilience;
      return this;
    }

    /**
     * @throws dev.reelforge.core.error.ReelForgeException {@code INVALID_INPUT} naming the setting
     *     that is wrong
     */
    public FalOptions build() {
      return new FalOptions(
          baseUrl, apiKey, model, pollEvery, deadline, styleModel, styleStrength, resilience);
    }
  }
}

package dev.reelforge.providers.runway;

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
 * How to reach Runway's API, validated when built: errors name the setting of the {@code
 * reelforge.providers.runway} tree to fix.
 *
 * @param baseUrl the API's base URL, http(s)
 * @param apiKey the key, required
 * @param model the video model: gen4.5, gen4_turbo or gen3a_turbo
 * @param apiVersion the {@code X-Runway-Version} every request names
 * @param pollEvery how long a job waits between polls
 * @param deadline how long one clip may take, queueing included; past it the task is cancelled
 * @param resilience timeouts, retries, breaker and concurrency of each call
 */
public record RunwayOptions(
    String baseUrl,
    String apiKey,
    String model,
    String apiVersion,
    Duration pollEvery,
    Duration deadline,
    ResilienceOptions resilience) {

  /** The settings tree these options are read from, named in validation errors. */
  public static final String SETTINGS = "reelforge.providers.runway";

  /** The variable Runway's own SDKs read the key from. */
  public static final String KEY_VARIABLE = "RUNWAYML_API_SECRET";

  public static final String DEFAULT_BASE_URL = "https://api.dev.runwayml.com";

  /** Gen-4.5: the Runway model that makes clips from text as well as from a start frame. */
  public static final String DEFAULT_MODEL = "gen4.5";

  /** The API version this adapter speaks (Runway refuses requests that name none). */
  public static final String DEFAULT_API_VERSION = "2024-11-06";

  /** Runway asks clients not to poll a task more often than every five seconds. */
  public static final Duration DEFAULT_POLL_EVERY = Duration.ofSeconds(5);

  public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(10);

  public RunwayOptions {
    baseUrl = url(SETTINGS + ".base-url", baseUrl);
    apiKey = key(SETTINGS + ".api-key", apiKey, KEY_VARIABLE);
    model = text(SETTINGS + ".model", model);
    if (RunwayModel.named(model).isEmpty()) {
      throw ReelForgeException.invalidField(
          SETTINGS + ".model", "must be one of " + RunwayModel.names() + ", not '" + model + "'");
    }
    apiVersion = text(SETTINGS + ".api-version", apiVersion);
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

  RunwayModel videoModel() {
    return RunwayModel.named(model).orElseThrow();
  }

  /** Never prints the key. */
  @Override
  public String toString() {
    return "RunwayOptions["
        + baseUrl
        + ", key set, "
        + model
        + ", version "
        + apiVersion
        + ", deadline "
        + deadline
        + "]";
  }

  /** Starts from the defaults; only the key has none. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private String apiKey = "";
    private String model = DEFAULT_MODEL;
    private String apiVersion = DEFAULT_API_VERSION;
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

    public Builder setApiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
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
    public RunwayOptions build() {
      return new RunwayOptions(baseUrl, apiKey, model, apiVersion, pollEvery, deadline, resilience);
    }
  }
}

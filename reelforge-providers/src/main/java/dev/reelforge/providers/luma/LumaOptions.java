package dev.reelforge.providers.luma;

import static dev.reelforge.providers.http.OptionChecks.key;
import static dev.reelforge.providers.http.OptionChecks.positive;
import static dev.reelforge.providers.http.OptionChecks.present;
import static dev.reelforge.providers.http.OptionChecks.text;
import static dev.reelforge.providers.http.OptionChecks.url;

import dev.reelforge.providers.http.Endpoint;
import dev.reelforge.providers.http.OptionChecks;
import dev.reelforge.providers.http.ResilienceOptions;
import java.time.Duration;
import java.util.Optional;

/**
 * How to reach Luma's Dream Machine API, validated when built: errors name the setting of the
 * {@code reelforge.providers.luma} tree to fix.
 *
 * @param baseUrl the API's base URL, http(s)
 * @param apiKey the key, required
 * @param model the video model: {@code ray-2}, {@code ray-flash-2} or {@code ray-1-6}
 * @param pollEvery how long a job waits between status checks
 * @param callbackUrl where Luma posts the generation when it changes state; empty for none
 * @param resilience timeouts, retries, breaker and concurrency of each call
 */
public record LumaOptions(
    String baseUrl,
    String apiKey,
    String model,
    Duration pollEvery,
    Optional<String> callbackUrl,
    ResilienceOptions resilience) {

  /** The settings tree these options are read from, named in validation errors. */
  public static final String SETTINGS = "reelforge.providers.luma";

  /** The variable the key is read from when the setting is empty. */
  public static final String KEY_VARIABLE = "LUMA_API_KEY";

  public static final String DEFAULT_BASE_URL = "https://api.lumalabs.ai";
  public static final String DEFAULT_MODEL = "ray-2";

  /** Luma's clips take one to three minutes. */
  public static final Duration DEFAULT_POLL_EVERY = Duration.ofSeconds(5);

  public LumaOptions {
    baseUrl = url(SETTINGS + ".base-url", baseUrl);
    apiKey = key(SETTINGS + ".api-key", apiKey, KEY_VARIABLE);
    model = text(SETTINGS + ".model", model);
    positive(SETTINGS + ".poll-every", pollEvery);
    callbackUrl =
        present(SETTINGS + ".callback-url", callbackUrl)
            .map(String::strip)
            .filter(u -> !u.isEmpty())
            .map(u -> url(SETTINGS + ".callback-url", u));
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
    return "LumaOptions["
        + baseUrl
        + ", key set, "
        + model
        + callbackUrl.map(u -> ", callbacks to " + u).orElse("")
        + "]";
  }

  /** Starts from the defaults; only the key has none. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private String apiKey = "";
    private String model = DEFAULT_MODEL;
    private Duration pollEvery = DEFAULT_POLL_EVERY;
    private String callbackUrl = "";
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

    /** Where Luma posts state changes; null or blank for none. */
    public Builder setCallbackUrl(String callbackUrl) {
      this.callbackUrl = callbackUrl == null ? "" : callbackUrl;
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
    public LumaOptions build() {
      return new LumaOptions(
          baseUrl, apiKey, model, pollEvery, Optional.of(callbackUrl), resilience);
    }
  }
}

package dev.reelforge.providers.pixabay;

import static dev.reelforge.providers.http.OptionChecks.key;
import static dev.reelforge.providers.http.OptionChecks.present;
import static dev.reelforge.providers.http.OptionChecks.url;

import dev.reelforge.providers.http.Endpoint;
import dev.reelforge.providers.http.OptionChecks;
import dev.reelforge.providers.http.ResilienceOptions;

/**
 * How to reach Pixabay's search API, validated when built: errors name the setting of the {@code
 * reelforge.providers.pixabay} tree to fix.
 *
 * @param baseUrl the API's base URL, http(s)
 * @param apiKey the key, required
 * @param resilience timeouts, retries, breaker and concurrency of the calls
 */
public record PixabayOptions(String baseUrl, String apiKey, ResilienceOptions resilience) {

  /** The settings tree these options are read from, named in validation errors. */
  public static final String SETTINGS = "reelforge.providers.pixabay";

  /** The variable the key is also read from. */
  public static final String KEY_VARIABLE = "PIXABAY_API_KEY";

  public static final String DEFAULT_BASE_URL = "https://pixabay.com";

  public PixabayOptions {
    baseUrl = url(SETTINGS + ".base-url", baseUrl);
    apiKey = key(SETTINGS + ".api-key", apiKey, KEY_VARIABLE);
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
    return "PixabayOptions[" + baseUrl + ", key set]";
  }

  /** Starts from the defaults; only the key has none. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private String apiKey = "";
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

    public Builder setResilience(ResilienceOptions resilience) {
      this.resilience = resilience;
      return this;
    }

    /**
     * @throws dev.reelforge.core.error.ReelForgeException {@code INVALID_INPUT} naming the setting
     *     that is wrong
     */
    public PixabayOptions build() {
      return new PixabayOptions(baseUrl, apiKey, resilience);
    }
  }
}

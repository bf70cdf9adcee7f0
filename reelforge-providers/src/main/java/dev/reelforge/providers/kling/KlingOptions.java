package dev.reelforge.providers.kling;

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
import java.util.Locale;
import java.util.Set;

/**
 * How to reach Kling's video API, validated when built: errors name the setting of the {@code
 * reelforge.providers.kling} tree to fix.
 *
 * @param baseUrl the API's base URL, http(s)
 * @param accessKey the access key, the JWT's issuer; required
 * @param secretKey the secret key the JWT is signed with; required
 * @param model the {@code model_name}, e.g. {@code kling-v1-6}
 * @param mode {@code std} (cheaper, 720p) or {@code pro} (1080p; needed for end frames on most
 *     models)
 * @param pollEvery how long a job waits between status checks
 * @param resilience timeouts, retries, breaker and concurrency of each call
 */
public record KlingOptions(
    String baseUrl,
    String accessKey,
    String secretKey,
    String model,
    String mode,
    Duration pollEvery,
    ResilienceOptions resilience) {

  /** The settings tree these options are read from, named in validation errors. */
  public static final String SETTINGS = "reelforge.providers.kling";

  /** The variables Kling's own examples read the key pair from. */
  public static final String ACCESS_KEY_VARIABLE = "KLING_ACCESS_KEY";

  public static final String SECRET_KEY_VARIABLE = "KLING_SECRET_KEY";

  /** The global API domain of Kling's current documentation (api.klingai.com is the older one). */
  public static final String DEFAULT_BASE_URL = "https://api-singapore.klingai.com";

  /**
   * Text-to-video, image-to-video and (in pro mode) start-and-end frames, per the capability map.
   */
  public static final String DEFAULT_MODEL = "kling-v1-6";

  public static final String DEFAULT_MODE = "std";

  /** Kling's own examples poll every ten seconds; clips take one to five minutes. */
  public static final Duration DEFAULT_POLL_EVERY = Duration.ofSeconds(10);

  private static final Set<String> MODES = Set.of("std", "pro");

  public KlingOptions {
    baseUrl = url(SETTINGS + ".base-url", baseUrl);
    accessKey = key(SETTINGS + ".access-key", accessKey, ACCESS_KEY_VARIABLE);
    secretKey = key(SETTINGS + ".secret-key", secretKey, SECRET_KEY_VARIABLE);
    model = text(SETTINGS + ".model", model);
    mode = text(SETTINGS + ".mode", mode).toLowerCase(Locale.ROOT);
    if (!MODES.contains(mode)) {
      throw ReelForgeException.invalidField(
          SETTINGS + ".mode", "must be std or pro, not '" + mode + "'");
    }
    positive(SETTINGS + ".poll-every", pollEvery);
    present(OptionChecks.HTTP_SETTINGS, resilience);
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** The base URL; the credential is a token signed per request, not a key in the endpoint. */
  public Endpoint endpoint() {
    return new Endpoint(baseUrl, "");
  }

  /** Never prints either key. */
  @Override
  public String toString() {
    return "KlingOptions[" + baseUrl + ", keys set, " + model + ", " + mode + "]";
  }

  /** Starts from the defaults; only the keys have none. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private String accessKey = "";
    private String secretKey = "";
    private String model = DEFAULT_MODEL;
    private String mode = DEFAULT_MODE;
    private Duration pollEvery = DEFAULT_POLL_EVERY;
    private ResilienceOptions resilience = ResilienceOptions.defaults();

    private Builder() {}

    public Builder setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder setAccessKey(String accessKey) {
      this.accessKey = accessKey;
      return this;
    }

    public Builder setSecretKey(String secretKey) {
      this.secretKey = secretKey;
      return this;
    }

    public Builder setModel(String model) {
      this.model = model;
      return this;
    }

    public Builder setMode(String mode) {
      this.mode = mode;
      return this;
    }

    public Builder setPollEvery(Duration pollEvery) {
      this.pollEvery = pollEvery;
      return this;
    }

    public Builder setResilience(ResilienceOptions resilience) {
      this.resilience = resilience;
      return this;
    }

    /**
     * @throws ReelForgeException {@code INVALID_INPUT} naming the setting that is wrong
     */
    public KlingOptions build() {
      return new KlingOptions(baseUrl, accessKey, secretKey, model, mode, pollEvery, resilience);
    }
  }
}

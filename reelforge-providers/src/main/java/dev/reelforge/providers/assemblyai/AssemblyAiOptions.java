package dev.reelforge.providers.assemblyai;

import static dev.reelforge.providers.http.OptionChecks.key;
import static dev.reelforge.providers.http.OptionChecks.positive;
import static dev.reelforge.providers.http.OptionChecks.present;
import static dev.reelforge.providers.http.OptionChecks.url;

import dev.reelforge.providers.http.Endpoint;
import dev.reelforge.providers.http.OptionChecks;
import dev.reelforge.providers.http.ResilienceOptions;
import java.time.Duration;

/**
 * How to reach AssemblyAI, validated when built: errors name the setting of the {@code
 * reelforge.clips.transcriber.assemblyai} tree to fix.
 *
 * @param baseUrl {@code https://api.assemblyai.com}, or {@code https://api.eu.assemblyai.com} to
 *     keep audio in the EU
 * @param apiKey the key, required
 * @param pollEvery how long to wait between status checks of a transcript
 * @param deadline how long a transcript may take before the call gives up (retryable)
 * @param resilience timeouts, retries, breaker; an upload of an hour of WAV takes a while
 */
public record AssemblyAiOptions(
    String baseUrl,
    String apiKey,
    Duration pollEvery,
    Duration deadline,
    ResilienceOptions resilience) {

  public static final String SETTINGS = "reelforge.clips.transcriber.assemblyai";
  public static final String KEY_VARIABLE = "ASSEMBLYAI_API_KEY";
  public static final String DEFAULT_BASE_URL = "https://api.assemblyai.com";
  public static final Duration DEFAULT_POLL_EVERY = Duration.ofSeconds(3);

  /** AssemblyAI hears an hour in a few minutes; an hour's wait means something is stuck. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofHours(1);

  /** An upload of a long source (an hour of WAV is 115 MB) needs more than the usual 30 s. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  public AssemblyAiOptions {
    baseUrl = url(SETTINGS + ".base-url", baseUrl);
    apiKey = key(SETTINGS + ".api-key", apiKey, KEY_VARIABLE);
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

  /** Never prints the key. */
  @Override
  public String toString() {
    return "AssemblyAiOptions[" + baseUrl + ", key set, poll every " + pollEvery + "]";
  }

  /** Starts from the defaults; only the key has none. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private String apiKey = "";
    private Duration pollEvery = DEFAULT_POLL_EVERY;
    private Duration deadline = DEFAULT_DEADLINE;
    private ResilienceOptions resilience =
        ResilienceOptions.defaults().withTimeout(DEFAULT_TIMEOUT);

    private Builder() {}

    public Builder setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder setApiKey(String apiKey) {
      this.apiKey = apiKey;
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

    public AssemblyAiOptions build() {
      return new AssemblyAiOptions(baseUrl, apiKey, pollEvery, deadline, resilience);
    }
  }
}

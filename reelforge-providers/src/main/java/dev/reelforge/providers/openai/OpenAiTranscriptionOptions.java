package dev.reelforge.providers.openai;

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
 * How to reach OpenAI's audio transcriptions (Whisper) or a compatible server, validated when
 * built: errors name the setting of the {@code reelforge.clips.transcriber.openai} tree to fix.
 *
 * @param baseUrl the API's base URL, http(s)
 * @param apiKey the key, required (the application reuses OpenAI's key)
 * @param model {@code whisper-1}: the one OpenAI model that answers word times
 * @param pieceDuration audio longer than one upload allows is sent in pieces this long
 * @param maxUploadBytes the vendor's cap on one request (25 MB for OpenAI)
 * @param resilience timeouts, retries, breaker; a piece of ten minutes takes a while to hear
 */
public record OpenAiTranscriptionOptions(
    String baseUrl,
    String apiKey,
    String model,
    Duration pieceDuration,
    long maxUploadBytes,
    ResilienceOptions resilience) {

  public static final String SETTINGS = "reelforge.clips.transcriber.openai";
  public static final String DEFAULT_MODEL = "whisper-1";

  /** Ten minutes of 16 kHz mono 16-bit WAV is 19.2 MB: under the cap with room for the form. */
  public static final Duration DEFAULT_PIECE = Duration.ofMinutes(10);

  /** OpenAI's documented limit on a transcription upload: 25 MB. */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 26_214_400;

  /** Hearing ten minutes of audio takes OpenAI up to a minute or two. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  public OpenAiTranscriptionOptions {
    baseUrl = url(SETTINGS + ".base-url", baseUrl);
    apiKey = key(SETTINGS + ".api-key", apiKey, OpenAiOptions.KEY_VARIABLE);
    model = text(SETTINGS + ".model", model);
    positive(SETTINGS + ".piece-duration", pieceDuration);
    present(OptionChecks.HTTP_SETTINGS, resilience);
    long pieceBytes = pieceDuration.toMillis() * 32 + 1024;
    if (pieceBytes > maxUploadBytes) {
      throw ReelForgeException.invalidField(
          SETTINGS + ".piece-duration",
          "a piece of "
              + pieceDuration.toSeconds()
              + " s is "
              + pieceBytes
              + " bytes of WAV, over the upload limit of "
              + maxUploadBytes);
    }
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
    return "OpenAiTranscriptionOptions["
        + baseUrl
        + ", key set, "
        + model
        + ", pieces of "
        + pieceDuration
        + "]";
  }

  /** Starts from the defaults; only the key has none. */
  public static final class Builder {
    private String baseUrl = OpenAiOptions.DEFAULT_BASE_URL;
    private String apiKey = "";
    private String model = DEFAULT_MODEL;
    private Duration pieceDuration = DEFAULT_PIECE;
    private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
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

    public Builder setModel(String model) {
      this.model = model;
      return this;
    }

    public Builder setPieceDuration(Duration pieceDuration) {
      this.pieceDuration = pieceDuration;
      return this;
    }

    public Builder setMaxUploadBytes(long maxUploadBytes) {
      this.maxUploadBytes = maxUploadBytes;
      return this;
    }

    public Builder setResilience(ResilienceOptions resilience) {
      this.resilience = resilience;
      return this;
    }

    public OpenAiTranscriptionOptions build() {
      return new OpenAiTranscriptionOptions(
          baseUrl, apiKey, model, pieceDuration, maxUploadBytes, resilience);
    }
  }
}

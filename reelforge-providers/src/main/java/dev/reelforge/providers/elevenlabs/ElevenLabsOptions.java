package dev.reelforge.providers.elevenlabs;

import static dev.reelforge.providers.http.OptionChecks.key;
import static dev.reelforge.providers.http.OptionChecks.present;
import static dev.reelforge.providers.http.OptionChecks.text;
import static dev.reelforge.providers.http.OptionChecks.url;

import dev.reelforge.providers.http.Endpoint;
import dev.reelforge.providers.http.OptionChecks;
import dev.reelforge.providers.http.ResilienceOptions;

/**
 * How to reach ElevenLabs, validated when built: errors name the setting of the {@code
 * reelforge.providers.elevenlabs} tree to fix.
 *
 * @param baseUrl the API's base URL, http(s)
 * @param apiKey the key, required
 * @param model e.g. {@code eleven_multilingual_v2}
 * @param voiceId the voice when a request names none
 * @param resilience timeouts, retries, breaker and concurrency of the calls
 */
public record ElevenLabsOptions(
    String baseUrl, String apiKey, String model, String voiceId, ResilienceOptions resilience) {

  /** The settings tree these options are read from, named in validation errors. */
  public static final String SETTINGS = "reelforge.providers.elevenlabs";

  /** The variable ElevenLabs' own tools read the key from. */
  public static final String KEY_VARIABLE = "ELEVENLABS_API_KEY";

  public static final String DEFAULT_BASE_URL = "https://api.elevenlabs.io";
  public static final String DEFAULT_MODEL = "eleven_multilingual_v2";

  /** Rachel, one of ElevenLabs' premade voices. */
  public static final String DEFAULT_VOICE_ID = "21m00Tcm4TlvDq8ikWAM";

  public ElevenLabsOptions {
    baseUrl = url(SETTINGS + ".base-url", baseUrl);
    apiKey = key(SETTINGS + ".api-key", apiKey, KEY_VARIABLE);
    model = text(SETTINGS + ".model", model);
    voiceId = text(SETTINGS + ".voice-id", voiceId);
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
    return "ElevenLabsOptions[" + baseUrl + ", key set, " + model + ", voice " + voiceId + "]";
  }

  /** Starts from the defaults; only the key has none. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private String apiKey = "";
    private String model = DEFAULT_MODEL;
    private String voiceId = DEFAULT_VOICE_ID;
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

    public Builder setVoiceId(String voiceId) {
      this.voiceId = voiceId;
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
    public ElevenLabsOptions build() {
      return new ElevenLabsOptions(baseUrl, apiKey, model, voiceId, resilience);
    }
  }
}

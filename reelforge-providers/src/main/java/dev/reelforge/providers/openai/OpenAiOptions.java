package dev.reelforge.providers.openai;

import static dev.reelforge.providers.http.OptionChecks.key;
import static dev.reelforge.providers.http.OptionChecks.present;
import static dev.reelforge.providers.http.OptionChecks.text;
import static dev.reelforge.providers.http.OptionChecks.url;

import dev.reelforge.providers.http.Endpoint;
import dev.reelforge.providers.http.OptionChecks;
import dev.reelforge.providers.http.ResilienceOptions;

/**
 * How to reach OpenAI (or a compatible server) for speech, images, moderation and brand analysis,
 * validated when built: errors name the setting of the {@code reelforge.providers.openai} tree to
 * fix.
 *
 * @param baseUrl the API's base URL, http(s)
 * @param apiKey the key, required
 * @param speechModel e.g. {@code gpt-4o-mini-tts}, {@code tts-1}
 * @param voice the default voice, e.g. {@code alloy}
 * @param imageModel {@code gpt-image-1} or {@code dall-e-3}
 * @param moderationModel e.g. {@code omni-moderation-latest}
 * @param visionModel a chat model that reads images and answers a strict JSON schema, for brand
 *     analysis, e.g. {@code gpt-4o-mini}
 * @param resilience timeouts, retries, breaker and concurrency of each adapter's calls
 */
public record OpenAiOptions(
    String baseUrl,
    String apiKey,
    String speechModel,
    String voice,
    String imageModel,
    String moderationModel,
    String visionModel,
    ResilienceOptions resilience) {

  /** The settings tree these options are read from, named in validation errors. */
  public static final String SETTINGS = "reelforge.providers.openai";

  /** The variable OpenAI's own tools read the key from. */
  public static final String KEY_VARIABLE = "OPENAI_API_KEY";

  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
  public static final String DEFAULT_SPEECH_MODEL = "gpt-4o-mini-tts";
  public static final String DEFAULT_VOICE = "alloy";
  public static final String DEFAULT_IMAGE_MODEL = "gpt-image-1";
  public static final String DEFAULT_MODERATION_MODEL = "omni-moderation-latest";

  /** Reads images and supports strict structured outputs, at a small model's price. */
  public static final String DEFAULT_VISION_MODEL = "gpt-4o-mini";

  public OpenAiOptions {
    baseUrl = url(SETTINGS + ".base-url", baseUrl);
    apiKey = key(SETTINGS + ".api-key", apiKey, KEY_VARIABLE);
    speechModel = text(SETTINGS + ".speech-model", speechModel);
    voice = text(SETTINGS + ".voice", voice);
    imageModel = text(SETTINGS + ".image-model", imageModel);
    moderationModel = text(SETTINGS + ".moderation-model", moderationModel);
    visionModel = text(SETTINGS + ".vision-model", visionModel);
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
    return "OpenAiOptions["
        + baseUrl
        + ", key set, speech "
        + speechModel
        + "/"
        + voice
        + ", images "
        + imageModel
        + ", moderation "
        + moderationModel
        + ", vision "
        + visionModel
        + "]";
  }

  /** Starts from the defaults; only the key has none. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private String apiKey = "";
    private String speechModel = DEFAULT_SPEECH_MODEL;
    private String voice = DEFAULT_VOICE;
    private String imageModel = DEFAULT_IMAGE_MODEL;
    private String moderationModel = DEFAULT_MODERATION_MODEL;
    private String visionModel = DEFAULT_VISION_MODEL;
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

    public Builder setSpeechModel(String speechModel) {
      this.speechModel = speechModel;
      return this;
    }

    public Builder setVoice(String voice) {
      this.voice = voice;
      return this;
    }

    public Builder setImageModel(String imageModel) {
      this.imageModel = imageModel;
      return this;
    }

    public Builder setModerationModel(String moderationModel) {
      this.moderationModel = moderationModel;
      return this;
    }

    public Builder setVisionModel(String visionModel) {
      this.visionModel = visionModel;
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
    public OpenAiOptions build() {
      return new OpenAiOptions(
          baseUrl,
          apiKey,
          speechModel,
          voice,
          imageModel,
          moderationModel,
          visionModel,
          resilience);
    }
  }
}

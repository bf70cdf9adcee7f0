package dev.reelforge.app.providers;

import dev.reelforge.providers.chat.ChatOptions;
import dev.reelforge.providers.chat.StructuredOutput;
import dev.reelforge.providers.elevenlabs.ElevenLabsOptions;
import dev.reelforge.providers.fal.FalOptions;
import dev.reelforge.providers.openai.OpenAiOptions;
import java.time.Duration;

/**
 * The settings of the cloud vendors that write, voice and draw a video's content ({@code
 * reelforge.providers.openai.*}, {@code chat.*}, {@code elevenlabs.*}, {@code fal.*}), bound as
 * parts of {@link ProvidersSettings} under the same prefixes; kept here so that the providers' tree
 * stays readable as the vendors grow.
 */
public final class ContentVendorSettings {

  private ContentVendorSettings() {}

  /**
   * OpenAI: speech, images, moderation and brand analysis ({@code reelforge.providers.openai.*}).
   */
  public static class OpenAi {

    /**
     * API key; also read from OPENAI_API_KEY. Enables the openai speech, image, moderation and
     * brand analysis providers.
     */
    private String apiKey = "";

    /** API base URL, for proxies and compatible servers. */
    private String baseUrl = OpenAiOptions.DEFAULT_BASE_URL;

    /** Speech model. */
    private String speechModel = OpenAiOptions.DEFAULT_SPEECH_MODEL;

    /** Default speech voice. */
    private String voice = OpenAiOptions.DEFAULT_VOICE;

    /** Image model (gpt-image-1 or dall-e-3). */
    private String imageModel = OpenAiOptions.DEFAULT_IMAGE_MODEL;

    /** Moderation model. */
    private String moderationModel = OpenAiOptions.DEFAULT_MODERATION_MODEL;

    /** Chat model that reads brand images and answers a strict JSON schema. */
    private String visionModel = OpenAiOptions.DEFAULT_VISION_MODEL;

    public String getApiKey() {
      return apiKey;
    }

    public void setApiKey(String apiKey) {
      this.apiKey = apiKey;
    }

    public String getBaseUrl() {
      return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    public String getSpeechModel() {
      return speechModel;
    }

    public void setSpeechModel(String speechModel) {
      this.speechModel = speechModel;
    }

    public String getVoice() {
      return voice;
    }

    public void setVoice(String voice) {
      this.voice = voice;
    }

    public String getImageModel() {
      return imageModel;
    }

    public void setImageModel(String imageModel) {
      this.imageModel = imageModel;
    }

    public String getModerationModel() {
      return moderationModel;
    }

    public void setModerationModel(String moderationModel) {
      this.moderationModel = moderationModel;
    }

    public String getVisionModel() {
      return visionModel;
    }

    public void setVisionModel(String visionModel) {
      this.visionModel = visionModel;
    }
  }

  /**
   * A chat-completions API for scripts and the brand director: OpenAI, DeepSeek, Ollama, vLLM
   * ({@code reelforge.providers.chat.*}).
   */
  public static class Chat {

    /**
     * Base URL of an OpenAI-compatible API, e.g. https://api.deepseek.com/v1 or
     * http://localhost:11434/v1 (Ollama).
     */
    private String baseUrl = ChatOptions.DEFAULT_BASE_URL;

    /**
     * API key; empty uses reelforge.providers.openai.api-key for OpenAI's URL, DEEPSEEK_API_KEY for
     * DeepSeek's, none for others (Ollama). DEEPSEEK_API_KEY alone, with no model or URL set, turns
     * on DeepSeek (deepseek-chat, JSON mode).
     */
    private String apiKey = "";

    /**
     * Model name (deepseek-chat by default on DeepSeek's URL). Setting it enables the chat script
     * writer and director.
     */
    private String model = "";

    /**
     * How the script's shape is enforced: json-schema (strict structured output) or json-object
     * (JSON mode).
     */
    private StructuredOutput structuredOutput = ChatOptions.DEFAULT_STRUCTURED_OUTPUT;

    /** Sampling temperature (0 to 2). */
    private double temperature = ChatOptions.DEFAULT_TEMPERATURE;

    public String getBaseUrl() {
      return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    public String getApiKey() {
      return apiKey;
    }

    public void setApiKey(String apiKey) {
      this.apiKey = apiKey;
    }

    public String getModel() {
      return model;
    }

    public void setModel(String model) {
      this.model = model;
    }

    public StructuredOutput getStructuredOutput() {
      return structuredOutput;
    }

    public void setStructuredOutput(StructuredOutput structuredOutput) {
      this.structuredOutput = structuredOutput;
    }

    public double getTemperature() {
      return temperature;
    }

    public void setTemperature(double temperature) {
      this.temperature = temperature;
    }
  }

  /** ElevenLabs speech with word timestamps ({@code reelforge.providers.elevenlabs.*}). */
  public static class ElevenLabs {

    /** API key; also read from ELEVENLABS_API_KEY. Enables the elevenlabs speech provider. */
    private String apiKey = "";

    /** API base URL. */
    private String baseUrl = ElevenLabsOptions.DEFAULT_BASE_URL;

    /** Model id. */
    private String model = ElevenLabsOptions.DEFAULT_MODEL;

    /** Default voice id (Rachel). */
    private String voiceId = ElevenLabsOptions.DEFAULT_VOICE_ID;

    public String getApiKey() {
      return apiKey;
    }

    public void setApiKey(String apiKey) {
      this.apiKey = apiKey;
    }

    public String getBaseUrl() {
      return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    public String getModel() {
      return model;
    }

    public void setModel(String model) {
      this.model = model;
    }

    public String getVoiceId() {
      return voiceId;
    }

    public void setVoiceId(String voiceId) {
      this.voiceId = voiceId;
    }
  }

  /** fal.ai Flux images and style references ({@code reelforge.providers.fal.*}). */
  public static class Fal {

    /** API key; also read from FAL_KEY. Enables the fal image generator and style reference. */
    private String apiKey = "";

    /** Queue API base URL. */
    private String baseUrl = FalOptions.DEFAULT_BASE_URL;

    /** Model path, e.g. fal-ai/flux/dev or fal-ai/flux/schnell. */
    private String model = FalOptions.DEFAULT_MODEL;

    /** Longest wait for one image, queueing included. */
    private Duration deadline = FalOptions.DEFAULT_DEADLINE;

    /** Image-to-image model that makes the brand director's style references. */
    private String styleModel = FalOptions.DEFAULT_STYLE_MODEL;

    /**
     * How far a style reference may move from the upload, 0.3 to 0.5 (seed 001: low strength cleans
     * the image and keeps the brand).
     */
    private double styleStrength = FalOptions.DEFAULT_STYLE_STRENGTH;

    public String getApiKey() {
      return apiKey;
    }

    public void setApiKey(String apiKey) {
      this.apiKey = apiKey;
    }

    public String getBaseUrl() {
      return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    public String getModel() {
      return model;
    }

    public void setModel(String model) {
      this.model = model;
    }

    public Duration getDeadline() {
      return deadline;
    }

    public void setDeadline(Duration deadline) {
      this.deadline = deadline;
    }

    public String getStyleModel() {
      return styleModel;
    }

    public void setStyleModel(String styleModel) {
      this.styleModel = styleModel;
    }

    public double getStyleStrength() {
      return styleStrength;
    }

    public void setStyleStrength(double styleStrength) {
      this.styleStrength = styleStrength;
    }
  }
}

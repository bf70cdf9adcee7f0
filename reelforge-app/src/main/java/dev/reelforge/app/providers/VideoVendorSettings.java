package dev.reelforge.app.providers;

import dev.reelforge.providers.kling.KlingOptions;
import dev.reelforge.providers.luma.LumaOptions;
import dev.reelforge.providers.runway.RunwayOptions;
import dev.reelforge.providers.veo.VeoOptions;
import java.time.Duration;

/**
 * The cloud video engines' settings ({@code reelforge.providers.kling.*}, {@code luma.*}, {@code
 * runway.*}, {@code veo.*}), bound as parts of {@link ProvidersSettings} under the same prefixes;
 * kept here so that the providers' tree stays readable as the engines grow.
 */
public final class VideoVendorSettings {

  private VideoVendorSettings() {}

  /** Kling AI video generation ({@code reelforge.providers.kling.*}). */
  public static class Kling {

    /**
     * Access key, the issuer of the signed token; also read from KLING_ACCESS_KEY. With the secret
     * key it enables the kling video generator.
     */
    private String accessKey = "";

    /** Secret key the token is signed with; also read from KLING_SECRET_KEY. */
    private String secretKey = "";

    /** API base URL (Kling's global domain; api-beijing.klingai.com serves mainland China). */
    private String baseUrl = KlingOptions.DEFAULT_BASE_URL;

    /** Model name, e.g. kling-v1-6 or kling-v2-1-master. */
    private String model = KlingOptions.DEFAULT_MODEL;

    /** std (cheaper, 720p) or pro (1080p; most models need it for an end frame). */
    private String mode = KlingOptions.DEFAULT_MODE;

    /** Wait between status checks of a running clip. */
    private Duration pollEvery = KlingOptions.DEFAULT_POLL_EVERY;

    public String getAccessKey() {
      return accessKey;
    }

    public void setAccessKey(String accessKey) {
      this.accessKey = accessKey;
    }

    public String getSecretKey() {
      return secretKey;
    }

    public void setSecretKey(String secretKey) {
      this.secretKey = secretKey;
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

    public String getMode() {
      return mode;
    }

    public void setMode(String mode) {
      this.mode = mode;
    }

    public Duration getPollEvery() {
      return pollEvery;
    }

    public void setPollEvery(Duration pollEvery) {
      this.pollEvery = pollEvery;
    }
  }

  /** Luma Dream Machine video generation ({@code reelforge.providers.luma.*}). */
  public static class Luma {

    /** API key; also read from LUMA_API_KEY. Enables the luma video generator. */
    private String apiKey = "";

    /** API base URL. */
    private String baseUrl = LumaOptions.DEFAULT_BASE_URL;

    /** Video model: ray-2, ray-flash-2 or ray-1-6. */
    private String model = LumaOptions.DEFAULT_MODEL;

    /** Wait between status checks of a running clip. */
    private Duration pollEvery = LumaOptions.DEFAULT_POLL_EVERY;

    /**
     * Where Luma posts a generation when it changes state (empty: none; clips are polled either
     * way).
     */
    private String callbackUrl = "";

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

    public Duration getPollEvery() {
      return pollEvery;
    }

    public void setPollEvery(Duration pollEvery) {
      this.pollEvery = pollEvery;
    }

    public String getCallbackUrl() {
      return callbackUrl;
    }

    public void setCallbackUrl(String callbackUrl) {
      this.callbackUrl = callbackUrl;
    }
  }

  /** Runway video generation ({@code reelforge.providers.runway.*}). */
  public static class Runway {

    /** API key; also read from RUNWAYML_API_SECRET. Enables the runway video generator. */
    private String apiKey = "";

    /** API base URL. */
    private String baseUrl = RunwayOptions.DEFAULT_BASE_URL;

    /**
     * Video model: gen4.5 (from a prompt or a start image), gen4_turbo (start image only) or
     * gen3a_turbo (start and end images; retired by Runway in 2026).
     */
    private String model = RunwayOptions.DEFAULT_MODEL;

    /** The API version sent as X-Runway-Version. */
    private String apiVersion = RunwayOptions.DEFAULT_API_VERSION;

    /** How long a video job waits between polls of its task. */
    private Duration pollEvery = RunwayOptions.DEFAULT_POLL_EVERY;

    /** Longest wait for one clip; past it the task is cancelled and the job fails over. */
    private Duration deadline = RunwayOptions.DEFAULT_DEADLINE;

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

    public String getApiVersion() {
      return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
    }

    public Duration getPollEvery() {
      return pollEvery;
    }

    public void setPollEvery(Duration pollEvery) {
      this.pollEvery = pollEvery;
    }

    public Duration getDeadline() {
      return deadline;
    }

    public void setDeadline(Duration deadline) {
      this.deadline = deadline;
    }
  }

  /** Google Veo video generation through the Gemini API ({@code reelforge.providers.veo.*}). */
  public static class Veo {

    /**
     * Gemini API key; also read from GEMINI_API_KEY, then GOOGLE_API_KEY. Enables the veo video
     * generator.
     */
    private String apiKey = "";

    /** Gemini API base URL, with its version. */
    private String baseUrl = VeoOptions.DEFAULT_BASE_URL;

    /** Veo model, e.g. veo-3.0-generate-001, veo-3.1-generate-preview or veo-2.0-generate-001. */
    private String model = VeoOptions.DEFAULT_MODEL;

    /** How long a video job waits between polls of its operation. */
    private Duration pollEvery = VeoOptions.DEFAULT_POLL_EVERY;

    /**
     * Longest wait for one clip; past it the job fails over (Veo operations cannot be cancelled).
     */
    private Duration deadline = VeoOptions.DEFAULT_DEADLINE;

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

    public Duration getPollEvery() {
      return pollEvery;
    }

    public void setPollEvery(Duration pollEvery) {
      this.pollEvery = pollEvery;
    }

    public Duration getDeadline() {
      return deadline;
    }

    public void setDeadline(Duration deadline) {
      this.deadline = deadline;
    }
  }
}

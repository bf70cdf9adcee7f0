package dev.reelforge.app.providers;

import dev.reelforge.providers.gemini.GeminiOptions;

/**
 * The brand director's cloud vendors' own settings ({@code reelforge.providers.gemini.*}), bound as
 * parts of {@link ProvidersSettings} under the same prefix. The brand director's other vendors
 * share the trees they already had: OpenAI's ({@code vision-model}), fal.ai's ({@code style-model},
 * {@code style-strength}) and the chat API's.
 */
public final class BrandVendorSettings {

  private BrandVendorSettings() {}

  /** Google's Gemini API for brand analysis ({@code reelforge.providers.gemini.*}). */
  public static class Gemini {

    /**
     * Gemini API key; else reelforge.providers.veo.api-key, GEMINI_API_KEY, then GOOGLE_API_KEY.
     * Enables the gemini brand analyzer.
     */
    private String apiKey = "";

    /** Gemini API base URL, with its version. */
    private String baseUrl = GeminiOptions.DEFAULT_BASE_URL;

    /** Model that reads the brand image, e.g. gemini-2.5-flash or gemini-2.5-pro. */
    private String model = GeminiOptions.DEFAULT_MODEL;

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
  }
}

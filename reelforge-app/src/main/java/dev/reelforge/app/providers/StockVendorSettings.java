package dev.reelforge.app.providers;

import dev.reelforge.providers.pexels.PexelsOptions;
import dev.reelforge.providers.pixabay.PixabayOptions;

/**
 * The stock libraries' settings ({@code reelforge.providers.pexels.*}, {@code pixabay.*}), bound as
 * parts of {@link ProvidersSettings} under the same prefixes.
 */
public final class StockVendorSettings {

  private StockVendorSettings() {}

  /** Pexels stock photos and videos ({@code reelforge.providers.pexels.*}). */
  public static class Pexels {

    /** API key; also read from PEXELS_API_KEY. Enables the pexels visual source. */
    private String apiKey = "";

    /** API base URL. */
    private String baseUrl = PexelsOptions.DEFAULT_BASE_URL;

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
  }

  /** Pixabay stock photos and videos ({@code reelforge.providers.pixabay.*}). */
  public static class Pixabay {

    /** API key; also read from PIXABAY_API_KEY. Enables the pixabay visual source. */
    private String apiKey = "";

    /** API base URL. */
    private String baseUrl = PixabayOptions.DEFAULT_BASE_URL;

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
  }
}

package dev.reelforge.core.providers;

/** The roles a provider can fill, each a port in core with offline and cloud implementations. */
public enum ProviderPort {
  SCRIPT_WRITER("script writer"),
  SPEECH("speech"),
  VISUALS("visuals"),
  IMAGE_GENERATOR("image generator"),
  VIDEO_GENERATOR("video generator"),
  MUSIC("music"),
  MODERATOR("moderation"),
  IMAGE_MODERATOR("image moderation"),
  BRAND_ANALYZER("brand analyzer"),
  STYLE_REFERENCE("style reference"),
  DIRECTOR("director");

  private final String label;

  ProviderPort(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The configuration key, e.g. {@code script-writer}. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}

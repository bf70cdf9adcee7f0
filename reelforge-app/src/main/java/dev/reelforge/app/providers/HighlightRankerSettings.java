package dev.reelforge.app.providers;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The optional language-model re-ranking of highlight candidates ({@code
 * reelforge.clips.ranker.*}). It talks to the chat API of {@code reelforge.providers.chat} (its
 * URL, key and structured output); off unless enabled.
 */
@ConfigurationProperties("reelforge.clips.ranker")
public class HighlightRankerSettings {

  /** When true, the chat API scores highlight candidates as a second opinion. */
  private boolean enabled = false;

  /** The chat model that scores them; empty for reelforge.providers.chat.model. */
  private String model = "";

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }
}

package dev.reelforge.app.providers;

import dev.reelforge.core.providers.ProviderPort;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which provider fills each role ({@code reelforge.providers.*}). {@code auto} uses a cloud
 * provider once its credentials are configured, else the offline default; a name forces one ({@code
 * ./reelforge doctor} lists what is available).
 */
@ConfigurationProperties("reelforge.providers")
public class ProvidersSettings {

  /** Speech synthesis: auto or marytts. */
  private String speech = "auto";

  /** Script writing: auto (no implementation yet in this build). */
  private String scriptWriter = "auto";

  /** Stock and local visuals: auto (no implementation yet in this build). */
  private String visuals = "auto";

  /** Image generation: auto (no implementation yet in this build). */
  private String imageGenerator = "auto";

  /** Background music: auto or procedural. */
  private String music = "auto";

  /** Text moderation: auto or rules. */
  private String moderator = "auto";

  /** The configured name per port. */
  public Map<ProviderPort, String> selections() {
    Map<ProviderPort, String> selections = new EnumMap<>(ProviderPort.class);
    selections.put(ProviderPort.SPEECH, speech);
    selections.put(ProviderPort.SCRIPT_WRITER, scriptWriter);
    selections.put(ProviderPort.VISUALS, visuals);
    selections.put(ProviderPort.IMAGE_GENERATOR, imageGenerator);
    selections.put(ProviderPort.MUSIC, music);
    selections.put(ProviderPort.MODERATOR, moderator);
    return selections;
  }

  public String getSpeech() {
    return speech;
  }

  public void setSpeech(String speech) {
    this.speech = speech;
  }

  public String getScriptWriter() {
    return scriptWriter;
  }

  public void setScriptWriter(String scriptWriter) {
    this.scriptWriter = scriptWriter;
  }

  public String getVisuals() {
    return visuals;
  }

  public void setVisuals(String visuals) {
    this.visuals = visuals;
  }

  public String getImageGenerator() {
    return imageGenerator;
  }

  public void setImageGenerator(String imageGenerator) {
    this.imageGenerator = imageGenerator;
  }

  public String getMusic() {
    return music;
  }

  public void setMusic(String music) {
    this.music = music;
  }

  public String getModerator() {
    return moderator;
  }

  public void setModerator(String moderator) {
    this.moderator = moderator;
  }
}

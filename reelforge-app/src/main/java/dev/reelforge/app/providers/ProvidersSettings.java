package dev.reelforge.app.providers;

import dev.reelforge.core.providers.ProviderPort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Which provider fills each role ({@code reelforge.providers.*}). {@code auto} uses a cloud
 * provider once its credentials are configured, else the offline default; a name forces one ({@code
 * ./reelforge doctor} lists what is available).
 *
 * <p>Vendor defaults (URLs, models, voices) are the vendor packages' constants, so that they are
 * written once; the configuration processor cannot read constants of other classes, so their
 * documented values are declared in {@code META-INF/additional-spring-configuration-metadata.json},
 * and {@code ProvidersSettingsTest} checks that both agree. {@link CloudVendors} maps each vendor's
 * tree onto its options. The vendors' trees are classes of {@link ContentVendorSettings} (OpenAI,
 * chat, ElevenLabs, fal.ai), {@link StockVendorSettings} (Pexels, Pixabay), {@link
 * VideoVendorSettings} (the video engines) and {@link BrandVendorSettings} (the brand director's
 * own vendors).
 */
@ConfigurationProperties("reelforge.providers")
public class ProvidersSettings {

  /**
   * Speech synthesis: auto, marytts (in-process), festival or espeak-ng (when installed), openai or
   * elevenlabs.
   */
  private String speech = "auto";

  /** Script writing: auto, extractive (offline) or chat (an OpenAI-compatible API). */
  private String scriptWriter = "auto";

  /**
   * Visuals for beats: auto, pexels, pixabay, library or procedural. Whatever is chosen falls back
   * to the local library (when configured) and then to procedural designs.
   */
  private String visuals = "auto";

  /** Image generation: auto, procedural (offline), openai or fal. */
  private String imageGenerator = "auto";

  /**
   * The video engine a job asks first: auto (the first engine with a key, else local), local
   * (offline motion over a still), kling, luma, runway or veo. When it fails, the job falls back
   * along reelforge.media-jobs.fallback-chains.
   */
  private String videoGenerator = "auto";

  /**
   * Background music: auto, procedural (composed and synthesised in-process), fluidsynth (the same
   * compositions played by a General MIDI soundfont, when installed) or library (the music folder,
   * falling back to procedural). Auto uses the library when a music folder is set, else procedural.
   */
  private String music = "auto";

  /** Text moderation: auto, rules (offline) or openai. */
  private String moderator = "auto";

  /** Picture moderation: auto, ocr-rules (offline: words in pictures by tesseract) or openai. */
  private String imageModerator = "auto";

  /**
   * Brand image analysis (palette, scores, brand essence): auto, local (offline, from the pixels),
   * gemini or openai (vision models).
   */
  private String brandAnalyzer = "auto";

  /**
   * The style reference made from a brand image: auto, local (offline derivative) or fal (Flux-dev
   * img2img).
   */
  private String styleReference = "auto";

  /**
   * The brand director that writes, edits and re-rolls storyboards: auto, local (offline templates)
   * or chat (an OpenAI-compatible API such as DeepSeek).
   */
  private String director = "auto";

  @NestedConfigurationProperty
  private final ContentVendorSettings.OpenAi openai = new ContentVendorSettings.OpenAi();

  @NestedConfigurationProperty
  private final ContentVendorSettings.Chat chat = new ContentVendorSettings.Chat();

  @NestedConfigurationProperty
  private final ContentVendorSettings.ElevenLabs elevenlabs =
      new ContentVendorSettings.ElevenLabs();

  @NestedConfigurationProperty
  private final StockVendorSettings.Pexels pexels = new StockVendorSettings.Pexels();

  @NestedConfigurationProperty
  private final StockVendorSettings.Pixabay pixabay = new StockVendorSettings.Pixabay();

  @NestedConfigurationProperty
  private final ContentVendorSettings.Fal fal = new ContentVendorSettings.Fal();

  @NestedConfigurationProperty
  private final BrandVendorSettings.Gemini gemini = new BrandVendorSettings.Gemini();

  @NestedConfigurationProperty
  private final VideoVendorSettings.Kling kling = new VideoVendorSettings.Kling();

  @NestedConfigurationProperty
  private final VideoVendorSettings.Luma luma = new VideoVendorSettings.Luma();

  @NestedConfigurationProperty
  private final VideoVendorSettings.Runway runway = new VideoVendorSettings.Runway();

  @NestedConfigurationProperty
  private final VideoVendorSettings.Veo veo = new VideoVendorSettings.Veo();

  private final Library library = new Library();
  private final Fluidsynth fluidsynth = new Fluidsynth();
  private final Http http = new Http();

  public ContentVendorSettings.OpenAi getOpenai() {
    return openai;
  }

  public ContentVendorSettings.Chat getChat() {
    return chat;
  }

  public ContentVendorSettings.ElevenLabs getElevenlabs() {
    return elevenlabs;
  }

  public StockVendorSettings.Pexels getPexels() {
    return pexels;
  }

  public StockVendorSettings.Pixabay getPixabay() {
    return pixabay;
  }

  public ContentVendorSettings.Fal getFal() {
    return fal;
  }

  public BrandVendorSettings.Gemini getGemini() {
    return gemini;
  }

  public VideoVendorSettings.Kling getKling() {
    return kling;
  }

  public VideoVendorSettings.Luma getLuma() {
    return luma;
  }

  public VideoVendorSettings.Runway getRunway() {
    return runway;
  }

  public VideoVendorSettings.Veo getVeo() {
    return veo;
  }

  public Library getLibrary() {
    return library;
  }

  public Fluidsynth getFluidsynth() {
    return fluidsynth;
  }

  public Http getHttp() {
    return http;
  }

  /** The configured name per port. */
  public Map<ProviderPort, String> selections() {
    Map<ProviderPort, String> selections = new EnumMap<>(ProviderPort.class);
    selections.put(ProviderPort.SPEECH, speech);
    selections.put(ProviderPort.SCRIPT_WRITER, scriptWriter);
    selections.put(ProviderPort.VISUALS, visuals);
    selections.put(ProviderPort.IMAGE_GENERATOR, imageGenerator);
    selections.put(ProviderPort.VIDEO_GENERATOR, videoGenerator);
    selections.put(ProviderPort.MUSIC, music);
    selections.put(ProviderPort.MODERATOR, moderator);
    selections.put(ProviderPort.IMAGE_MODERATOR, imageModerator);
    selections.put(ProviderPort.BRAND_ANALYZER, brandAnalyzer);
    selections.put(ProviderPort.STYLE_REFERENCE, styleReference);
    selections.put(ProviderPort.DIRECTOR, director);
    return selections;
  }

  public String getVideoGenerator() {
    return videoGenerator;
  }

  public void setVideoGenerator(String videoGenerator) {
    this.videoGenerator = videoGenerator;
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

  public String getImageModerator() {
    return imageModerator;
  }

  public void setImageModerator(String imageModerator) {
    this.imageModerator = imageModerator;
  }

  public String getBrandAnalyzer() {
    return brandAnalyzer;
  }

  public void setBrandAnalyzer(String brandAnalyzer) {
    this.brandAnalyzer = brandAnalyzer;
  }

  public String getStyleReference() {
    return styleReference;
  }

  public void setStyleReference(String styleReference) {
    this.styleReference = styleReference;
  }

  public String getDirector() {
    return director;
  }

  public void setDirector(String director) {
    this.director = director;
  }

  /** The operator's own media ({@code reelforge.providers.library.*}). */
  public static class Library {

    /**
     * Folder of pictures and clips searched for beats (empty: no library). Sidecar NAME.txt files
     * add tags and credits.
     */
    private Path visualsDir;

    /**
     * Folder of music tracks (mp3, wav, ogg, m4a, flac, opus) chosen by mood from their folder or
     * file names, e.g. calm/ocean.mp3 (empty: no music library). Sidecar NAME.txt files add credits
     * and bpm.
     */
    private Path musicDir;

    /** How often the folders are rescanned for new, changed and removed files. */
    private Duration refreshEvery = Duration.ofMinutes(1);

    public Path getVisualsDir() {
      return visualsDir;
    }

    public void setVisualsDir(Path visualsDir) {
      this.visualsDir = visualsDir;
    }

    public Path getMusicDir() {
      return musicDir;
    }

    public void setMusicDir(Path musicDir) {
      this.musicDir = musicDir;
    }

    public Duration getRefreshEvery() {
      return refreshEvery;
    }

    public void setRefreshEvery(Duration refreshEvery) {
      this.refreshEvery = refreshEvery;
    }
  }

  /** FluidSynth music ({@code reelforge.providers.fluidsynth.*}). */
  public static class Fluidsynth {

    /** The General MIDI soundfont it plays (Debian's fluid-soundfont-gm, MIT licence). */
    private Path soundfont = Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2");

    public Path getSoundfont() {
      return soundfont;
    }

    public void setSoundfont(Path soundfont) {
      this.soundfont = soundfont;
    }
  }

  /** How every cloud provider is called ({@code reelforge.providers.http.*}). */
  public static class Http {

    /** One attempt's time limit (seed 000: 30 s for language and speech APIs). */
    private Duration timeout = Duration.ofSeconds(30);

    /** Attempts per call, the first included; only transient failures are retried. */
    private int maxAttempts = 3;

    /** Calls in flight at once per provider from this process. */
    private int maxConcurrent = 4;

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }

    public int getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    public int getMaxConcurrent() {
      return maxConcurrent;
    }

    public void setMaxConcurrent(int maxConcurrent) {
      this.maxConcurrent = maxConcurrent;
    }
  }
}

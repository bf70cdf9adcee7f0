package dev.reelforge.app.providers;

import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.providers.chat.ChatOptions;
import dev.reelforge.providers.chat.StructuredOutput;
import dev.reelforge.providers.elevenlabs.ElevenLabsOptions;
import dev.reelforge.providers.fal.FalOptions;
import dev.reelforge.providers.openai.OpenAiOptions;
import dev.reelforge.providers.pexels.PexelsOptions;
import dev.reelforge.providers.pixabay.PixabayOptions;
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
 * tree onto its options. The video engines' trees are classes of {@link VideoVendorSettings}, the
 * brand director's own vendors' of {@link BrandVendorSettings}.
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

  private final OpenAi openai = new OpenAi();
  private final Chat chat = new Chat();
  private final ElevenLabs elevenlabs = new ElevenLabs();
  private final Pexels pexels = new Pexels();
  private final Pixabay pixabay = new Pixabay();
  private final Fal fal = new Fal();

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

  public OpenAi getOpenai() {
    return openai;
  }

  public Chat getChat() {
    return chat;
  }

  public ElevenLabs getElevenlabs() {
    return elevenlabs;
  }

  public Pexels getPexels() {
    return pexels;
  }

  public Pixabay getPixabay() {
    return pixabay;
  }

  public Fal getFal() {
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

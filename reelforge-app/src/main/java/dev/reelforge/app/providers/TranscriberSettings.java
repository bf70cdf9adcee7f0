package dev.reelforge.app.providers;

import dev.reelforge.providers.assemblyai.AssemblyAiOptions;
import dev.reelforge.providers.openai.OpenAiOptions;
import dev.reelforge.providers.openai.OpenAiTranscriptionOptions;
import dev.reelforge.providers.transcribe.Sphinx4Transcriber;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which speech-to-text engine hears a long video's speech for the clips feature ({@code
 * reelforge.clips.transcriber.*}), and each engine's own settings. OpenAI's key is the one of
 * {@code reelforge.providers.openai} unless set here.
 */
@ConfigurationProperties("reelforge.clips.transcriber")
public class TranscriberSettings {

  /** The engines a source's speech can be heard by. */
  public enum Engine {
    /** CMU Sphinx4 in the JVM, US English, offline (the default). */
    SPHINX4,
    /** Debian's pocketsphinx program, US English, offline, when installed. */
    POCKETSPHINX,
    /** OpenAI's Whisper (whisper-1), many languages, punctuated. */
    OPENAI,
    /** AssemblyAI, many languages, punctuated. */
    ASSEMBLYAI
  }

  /**
   * The engine: sphinx4 (offline, default), pocketsphinx (offline, when installed), openai or
   * assemblyai.
   */
  private Engine engine = Engine.SPHINX4;

  private final Sphinx4 sphinx4 = new Sphinx4();
  private final OpenAi openai = new OpenAi();
  private final AssemblyAi assemblyai = new AssemblyAi();

  public Engine getEngine() {
    return engine;
  }

  public void setEngine(Engine engine) {
    this.engine = engine;
  }

  public Sphinx4 getSphinx4() {
    return sphinx4;
  }

  public OpenAi getOpenai() {
    return openai;
  }

  public AssemblyAi getAssemblyai() {
    return assemblyai;
  }

  /** Sphinx4's search and how many sources it hears at once. */
  public static class Sphinx4 {

    /**
     * How widely Sphinx4 searches: fast, balanced (default, about real time on 2 cores) or accurate
     * (Sphinx4's own beams, several times slower).
     */
    private Sphinx4Transcriber.Accuracy accuracy = Sphinx4Transcriber.Accuracy.BALANCED;

    /** Sources heard at once; each holds its own loaded model (a few hundred MB of heap). */
    private int decoders = 1;

    public Sphinx4Transcriber.Accuracy getAccuracy() {
      return accuracy;
    }

    public void setAccuracy(Sphinx4Transcriber.Accuracy accuracy) {
      this.accuracy = accuracy;
    }

    public int getDecoders() {
      return decoders;
    }

    public void setDecoders(int decoders) {
      this.decoders = decoders;
    }
  }

  /** OpenAI's audio transcriptions. */
  public static class OpenAi {

    /** OpenAI API key; else reelforge.providers.openai.api-key, then OPENAI_API_KEY. */
    private String apiKey = "";

    /** The API's base URL, with its version. */
    private String baseUrl = OpenAiOptions.DEFAULT_BASE_URL;

    /** The model; whisper-1 is the one that answers word times. */
    private String model = OpenAiTranscriptionOptions.DEFAULT_MODEL;

    /** Audio over the 25 MB upload cap is sent in pieces this long. */
    private Duration pieceDuration = OpenAiTranscriptionOptions.DEFAULT_PIECE;

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

    public Duration getPieceDuration() {
      return pieceDuration;
    }

    public void setPieceDuration(Duration pieceDuration) {
      this.pieceDuration = pieceDuration;
    }
  }

  /** AssemblyAI's pre-recorded transcription. */
  public static class AssemblyAi {

    /** AssemblyAI API key; else ASSEMBLYAI_API_KEY. */
    private String apiKey = "";

    /** The API's base URL; https://api.eu.assemblyai.com keeps audio in the EU. */
    private String baseUrl = AssemblyAiOptions.DEFAULT_BASE_URL;

    /** How long to wait between status checks of a transcript. */
    private Duration pollEvery = AssemblyAiOptions.DEFAULT_POLL_EVERY;

    /** How long a transcript may take before the attempt gives up (it is retried later). */
    private Duration deadline = AssemblyAiOptions.DEFAULT_DEADLINE;

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

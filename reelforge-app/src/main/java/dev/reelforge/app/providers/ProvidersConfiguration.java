package dev.reelforge.app.providers;

import dev.reelforge.app.observability.ProviderCalls;
import dev.reelforge.app.observability.ProviderMetrics;
import dev.reelforge.core.cost.CostRecorder;
import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.moderation.Moderator;
import dev.reelforge.core.music.FallbackMusic;
import dev.reelforge.core.music.MusicSource;
import dev.reelforge.core.providers.ProviderChoice;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.script.ScriptWriter;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.core.visuals.FallbackVisuals;
import dev.reelforge.core.visuals.VisualSource;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.library.LocalMediaLibrary;
import dev.reelforge.media.library.LocalMusicLibrary;
import dev.reelforge.media.probe.MediaProbe;
import dev.reelforge.media.procedural.ProceduralImages;
import dev.reelforge.media.procedural.ProceduralVisuals;
import dev.reelforge.providers.http.Endpoint;
import dev.reelforge.providers.http.ProviderHttp;
import dev.reelforge.providers.imagegen.FalFluxImages;
import dev.reelforge.providers.imagegen.OpenAiImages;
import dev.reelforge.providers.moderation.OpenAiModerator;
import dev.reelforge.providers.moderation.RuleBasedModerator;
import dev.reelforge.providers.music.FluidSynthMusic;
import dev.reelforge.providers.music.ProceduralMusic;
import dev.reelforge.providers.script.ChatScriptWriter;
import dev.reelforge.providers.script.ExtractiveScriptWriter;
import dev.reelforge.providers.speech.ElevenLabsSpeech;
import dev.reelforge.providers.speech.EspeakSpeech;
import dev.reelforge.providers.speech.FestivalSpeech;
import dev.reelforge.providers.speech.MaryTtsSpeech;
import dev.reelforge.providers.speech.OpenAiSpeech;
import dev.reelforge.providers.visuals.PexelsVisuals;
import dev.reelforge.providers.visuals.PixabayVisuals;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers every provider this build carries: the offline defaults always, each cloud adapter once
 * its credentials are configured; then applies the configured selection.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProvidersSettings.class)
class ProvidersConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(ProvidersConfiguration.class);
  private static final String OPENAI_URL = "https://api.openai.com/v1";

  @Bean
  CostRecorder providerCosts(ProviderMetrics metrics) {
    return new LoggedCosts(metrics);
  }

  @Bean
  ProviderRegistry providerRegistry(
      ProvidersSettings settings,
      CostRecorder providerCosts,
      ProviderCalls calls,
      ObjectProvider<FfmpegInstallation> ffmpeg) {
    return registry(
        settings, providerCosts, ffmpeg::getObject, CloudProviders.systemEnvironment(), calls);
  }

  /** The registry for {@code settings}, with keys missing from them looked up in {@code env}. */
  static ProviderRegistry registry(
      ProvidersSettings settings,
      CostRecorder providerCosts,
      Supplier<FfmpegInstallation> ffmpeg,
      java.util.function.Function<String, String> env) {
    return registry(settings, providerCosts, ffmpeg, env, ProviderHttp.Observer.NONE);
  }

  static ProviderRegistry registry(
      ProvidersSettings settings,
      CostRecorder providerCosts,
      Supplier<FfmpegInstallation> ffmpeg,
      java.util.function.Function<String, String> env,
      ProviderHttp.Observer calls) {
    CloudProviders cloud =
        new CloudProviders(settings.getHttp(), providerCosts, Clock.systemUTC(), env, calls);
    ProviderRegistry registry = new ProviderRegistry();
    String openAiKey = cloud.key(settings.getOpenai().getApiKey(), "OPENAI_API_KEY");
    registerScriptWriters(registry, settings, cloud, openAiKey);
    registerSpeech(registry, settings, cloud, openAiKey);
    registerVisuals(registry, settings, cloud, ffmpeg);
    registerImageGenerators(registry, settings, cloud, openAiKey);
    registerMusic(registry, settings, cloud, ffmpeg);
    registerModerators(registry, settings, cloud, openAiKey);
    // A misspelt name is reported by doctor and by the first use of that role, with the setting
    // to fix and the names available.
    settings.selections().forEach(registry::select);
    return registry;
  }

  private static void registerScriptWriters(
      ProviderRegistry registry,
      ProvidersSettings settings,
      CloudProviders cloud,
      String openAiKey) {
    ProvidersSettings.Chat chat = settings.getChat();
    boolean openAiUrl = chat.getBaseUrl().strip().replaceAll("/+$", "").equals(OPENAI_URL);
    String key = chat.getApiKey().isBlank() && openAiUrl ? openAiKey : chat.getApiKey().strip();
    if (!chat.getModel().isBlank() && (!openAiUrl || !key.isEmpty())) {
      registry.register(
          new ProviderChoice<ScriptWriter>(
              ProviderPort.SCRIPT_WRITER,
              ChatScriptWriter.NAME,
              false,
              "chat completions at " + chat.getBaseUrl() + ", model " + chat.getModel(),
              new ChatScriptWriter(
                  new Endpoint(chat.getBaseUrl(), key),
                  new ChatScriptWriter.Options(
                      chat.getModel(), chat.getStructuredOutput(), chat.getTemperature()),
                  cloud.http(ChatScriptWriter.NAME),
                  cloud.meter(ChatScriptWriter.NAME))));
    }
    registry.register(
        new ProviderChoice<ScriptWriter>(
            ProviderPort.SCRIPT_WRITER,
            ExtractiveScriptWriter.NAME,
            true,
            "sentences ranked with OpenNLP (paragraphs, articles), labelled templates (ideas),"
                + " manual scripts split by line",
            new ExtractiveScriptWriter()));
  }

  private static void registerSpeech(
      ProviderRegistry registry,
      ProvidersSettings settings,
      CloudProviders cloud,
      String openAiKey) {
    String elevenKey = cloud.key(settings.getElevenlabs().getApiKey(), "ELEVENLABS_API_KEY");
    if (!elevenKey.isEmpty()) {
      ProvidersSettings.ElevenLabs eleven = settings.getElevenlabs();
      registry.register(
          new ProviderChoice<SpeechSynthesizer>(
              ProviderPort.SPEECH,
              ElevenLabsSpeech.NAME,
              false,
              "ElevenLabs " + eleven.getModel() + " with character timestamps",
              new ElevenLabsSpeech(
                  new Endpoint(eleven.getBaseUrl(), elevenKey),
                  new ElevenLabsSpeech.Options(eleven.getModel(), eleven.getVoiceId()),
                  cloud.http(ElevenLabsSpeech.NAME),
                  cloud.meter(ElevenLabsSpeech.NAME))));
    }
    if (!openAiKey.isEmpty()) {
      ProvidersSettings.OpenAi openai = settings.getOpenai();
      registry.register(
          new ProviderChoice<SpeechSynthesizer>(
              ProviderPort.SPEECH,
              OpenAiSpeech.NAME,
              false,
              "OpenAI " + openai.getSpeechModel() + ", word times from the audio's voiced regions",
              new OpenAiSpeech(
                  new Endpoint(openai.getBaseUrl(), openAiKey),
                  new OpenAiSpeech.Options(openai.getSpeechModel(), openai.getVoice()),
                  cloud.http(OpenAiSpeech.NAME),
                  cloud.meter(OpenAiSpeech.NAME))));
    }
    registry.register(
        new ProviderChoice<SpeechSynthesizer>(
            ProviderPort.SPEECH,
            MaryTtsSpeech.NAME,
            true,
            "MaryTTS 5.2 in-process, voice cmu-slt-hsmm (English), word timings",
            new MaryTtsSpeech()));
    // Registered after MaryTTS so that auto keeps the in-process voice; chosen by name.
    FestivalSpeech festival = new FestivalSpeech();
    registry.register(
        new ProviderChoice<SpeechSynthesizer>(
            ProviderPort.SPEECH,
            FestivalSpeech.NAME,
            true,
            festival.installed()
                ? "festival, voice " + FestivalSpeech.DEFAULT_VOICE + ", exact word timings"
                : "festival is not installed (" + FestivalSpeech.INSTALL_HINT + ")",
            festival));
    EspeakSpeech espeak = new EspeakSpeech();
    registry.register(
        new ProviderChoice<SpeechSynthesizer>(
            ProviderPort.SPEECH,
            EspeakSpeech.NAME,
            true,
            espeak.installed()
                ? "espeak-ng, about a hundred languages (voice = language code)"
                : "espeak-ng is not installed (" + EspeakSpeech.INSTALL_HINT + ")",
            espeak));
  }

  private static void registerMusic(
      ProviderRegistry registry,
      ProvidersSettings settings,
      CloudProviders cloud,
      Supplier<FfmpegInstallation> ffmpeg) {
    ProceduralMusic procedural = new ProceduralMusic();
    ProvidersSettings.Library library = settings.getLibrary();
    if (library.getMusicDir() != null) {
      LocalMusicLibrary folder =
          new LocalMusicLibrary(
              library.getMusicDir(),
              () -> Optional.of(ffmpeg.get()),
              cloud.clock(),
              library.getRefreshEvery());
      registry.register(
          new ProviderChoice<MusicSource>(
              ProviderPort.MUSIC,
              LocalMusicLibrary.NAME,
              true,
              "music folder at " + library.getMusicDir() + ", then procedural",
              new FallbackMusic(
                  List.of(folder, procedural),
                  (source, failure) ->
                      LOG.warn(
                          "music source {} failed, trying the next: {}",
                          source.name(),
                          failure.getMessage()))));
    }
    registry.register(
        new ProviderChoice<MusicSource>(
            ProviderPort.MUSIC,
            ProceduralMusic.NAME,
            true,
            "composed per mood and synthesised in-process (pad, bass, arpeggio, drums)",
            procedural));
    FluidSynthMusic fluid = new FluidSynthMusic(settings.getFluidsynth().getSoundfont());
    registry.register(
        new ProviderChoice<MusicSource>(
            ProviderPort.MUSIC,
            FluidSynthMusic.NAME,
            true,
            fluid
                .missing()
                .orElse("the procedural compositions played by FluidSynth with a GM soundfont"),
            fluid));
  }

  private static void registerVisuals(
      ProviderRegistry registry,
      ProvidersSettings settings,
      CloudProviders cloud,
      Supplier<FfmpegInstallation> ffmpeg) {
    List<VisualSource> fallbacks = new ArrayList<>();
    ProvidersSettings.Library library = settings.getLibrary();
    Optional<LocalMediaLibrary> local = Optional.empty();
    if (library.getVisualsDir() != null) {
      local =
          Optional.of(
              new LocalMediaLibrary(
                  library.getVisualsDir(),
                  () -> probe(ffmpeg.get()),
                  cloud.clock(),
                  library.getRefreshEvery()));
      fallbacks.add(local.get());
    }
    ProceduralVisuals procedural = new ProceduralVisuals();
    fallbacks.add(procedural);
    String pexelsKey = cloud.key(settings.getPexels().getApiKey(), "PEXELS_API_KEY");
    if (!pexelsKey.isEmpty()) {
      registerStock(
          registry,
          PexelsVisuals.NAME,
          "Pexels photos and videos",
          new PexelsVisuals(
              new Endpoint(settings.getPexels().getBaseUrl(), pexelsKey),
              cloud.http(PexelsVisuals.NAME),
              cloud.meter(PexelsVisuals.NAME)),
          fallbacks);
    }
    String pixabayKey = cloud.key(settings.getPixabay().getApiKey(), "PIXABAY_API_KEY");
    if (!pixabayKey.isEmpty()) {
      registerStock(
          registry,
          PixabayVisuals.NAME,
          "Pixabay photos and videos",
          new PixabayVisuals(
              new Endpoint(settings.getPixabay().getBaseUrl(), pixabayKey),
              cloud.http(PixabayVisuals.NAME),
              cloud.meter(PixabayVisuals.NAME)),
          fallbacks);
    }
    if (local.isPresent()) {
      registry.register(
          new ProviderChoice<VisualSource>(
              ProviderPort.VISUALS,
              LocalMediaLibrary.NAME,
              true,
              "media library at " + library.getVisualsDir() + ", then procedural designs",
              new FallbackVisuals(fallbacks, ProvidersConfiguration::logFallback)));
    }
    registry.register(
        new ProviderChoice<VisualSource>(
            ProviderPort.VISUALS,
            ProceduralVisuals.NAME,
            true,
            "designed backgrounds: gradients, shapes, flow fields, typography cards",
            procedural));
  }

  private static void registerStock(
      ProviderRegistry registry,
      String name,
      String description,
      VisualSource stock,
      List<VisualSource> fallbacks) {
    List<VisualSource> chain = new ArrayList<>();
    chain.add(stock);
    chain.addAll(fallbacks);
    registry.register(
        new ProviderChoice<VisualSource>(
            ProviderPort.VISUALS,
            name,
            false,
            description
                + ", then "
                + String.join(", then ", fallbacks.stream().map(VisualSource::name).toList()),
            new FallbackVisuals(chain, ProvidersConfiguration::logFallback)));
  }

  private static void logFallback(VisualSource source, RuntimeException failure) {
    LOG.warn("visual source {} failed, trying the next: {}", source.name(), failure.getMessage());
  }

  private static Optional<MediaProbe> probe(FfmpegInstallation installation) {
    return installation.ffprobe().isPresent()
        ? Optional.of(new MediaProbe(installation, Duration.ofSeconds(30)))
        : Optional.empty();
  }

  private static void registerImageGenerators(
      ProviderRegistry registry,
      ProvidersSettings settings,
      CloudProviders cloud,
      String openAiKey) {
    if (!openAiKey.isEmpty()) {
      registry.register(
          new ProviderChoice<ImageGenerator>(
              ProviderPort.IMAGE_GENERATOR,
              OpenAiImages.NAME,
              false,
              "OpenAI Images, model " + settings.getOpenai().getImageModel(),
              new OpenAiImages(
                  new Endpoint(settings.getOpenai().getBaseUrl(), openAiKey),
                  settings.getOpenai().getImageModel(),
                  cloud.http(OpenAiImages.NAME),
                  cloud.meter(OpenAiImages.NAME))));
    }
    String falKey = cloud.key(settings.getFal().getApiKey(), "FAL_KEY");
    if (!falKey.isEmpty()) {
      ProvidersSettings.Fal fal = settings.getFal();
      registry.register(
          new ProviderChoice<ImageGenerator>(
              ProviderPort.IMAGE_GENERATOR,
              FalFluxImages.NAME,
              false,
              "fal.ai queue, model " + fal.getModel(),
              new FalFluxImages(
                  new Endpoint(fal.getBaseUrl(), falKey),
                  new FalFluxImages.Options(
                      fal.getModel(), Duration.ofSeconds(1), fal.getDeadline()),
                  cloud.http(FalFluxImages.NAME),
                  cloud.meter(FalFluxImages.NAME),
                  cloud.clock(),
                  dev.reelforge.providers.http.Sleeper.REAL)));
    }
    registry.register(
        new ProviderChoice<ImageGenerator>(
            ProviderPort.IMAGE_GENERATOR,
            ProceduralImages.NAME,
            true,
            "designed pictures from the prompt's words (no model weights offline)",
            new ProceduralImages()));
  }

  private static void registerModerators(
      ProviderRegistry registry,
      ProvidersSettings settings,
      CloudProviders cloud,
      String openAiKey) {
    if (!openAiKey.isEmpty()) {
      registry.register(
          new ProviderChoice<Moderator>(
              ProviderPort.MODERATOR,
              OpenAiModerator.NAME,
              false,
              "OpenAI moderation, model " + settings.getOpenai().getModerationModel(),
              new OpenAiModerator(
                  new Endpoint(settings.getOpenai().getBaseUrl(), openAiKey),
                  settings.getOpenai().getModerationModel(),
                  cloud.http(OpenAiModerator.NAME),
                  cloud.meter(OpenAiModerator.NAME))));
    }
    registry.register(
        new ProviderChoice<Moderator>(
            ProviderPort.MODERATOR,
            RuleBasedModerator.NAME,
            true,
            "phrase rules by category and severity, look-alike characters undone, spam heuristics",
            new RuleBasedModerator()));
  }
}

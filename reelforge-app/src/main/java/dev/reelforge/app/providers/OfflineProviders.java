package dev.reelforge.app.providers;

import dev.reelforge.core.brand.BrandAnalyzer;
import dev.reelforge.core.brand.Director;
import dev.reelforge.core.brand.StyleReferencer;
import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.moderation.ImageModerator;
import dev.reelforge.core.moderation.Moderator;
import dev.reelforge.core.music.FallbackMusic;
import dev.reelforge.core.music.MusicSource;
import dev.reelforge.core.providers.ProviderChoice;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.script.ScriptWriter;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.core.videogen.VideoGenerator;
import dev.reelforge.core.visuals.FallbackVisuals;
import dev.reelforge.core.visuals.VisualSource;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.library.LocalMediaLibrary;
import dev.reelforge.media.library.LocalMusicLibrary;
import dev.reelforge.media.motion.LocalVideoGenerator;
import dev.reelforge.media.probe.MediaProbe;
import dev.reelforge.media.procedural.ProceduralImages;
import dev.reelforge.media.procedural.ProceduralVisuals;
import dev.reelforge.providers.brand.LocalStyleReferencer;
import dev.reelforge.providers.brand.PixelBrandAnalyzer;
import dev.reelforge.providers.brand.TemplateDirector;
import dev.reelforge.providers.moderation.OcrImageModerator;
import dev.reelforge.providers.moderation.RuleBasedModerator;
import dev.reelforge.providers.music.FluidSynthMusic;
import dev.reelforge.providers.music.ProceduralMusic;
import dev.reelforge.providers.script.ExtractiveScriptWriter;
import dev.reelforge.providers.speech.EspeakSpeech;
import dev.reelforge.providers.speech.FestivalSpeech;
import dev.reelforge.providers.speech.MaryTtsSpeech;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers that need no account: always available, registered after the cloud adapters so that
 * {@code auto} prefers a configured cloud one. The operator's folders (library) come from {@code
 * reelforge.providers.library.*}; visuals and music fall back through them to what is generated
 * in-process.
 */
final class OfflineProviders {

  private static final Logger LOG = LoggerFactory.getLogger(OfflineProviders.class);

  private final ProvidersSettings settings;
  private final Supplier<FfmpegInstallation> ffmpeg;
  private final Clock clock;
  private final ProceduralVisuals proceduralVisuals = new ProceduralVisuals();
  private final Optional<LocalMediaLibrary> visualsLibrary;

  OfflineProviders(ProvidersSettings settings, Supplier<FfmpegInstallation> ffmpeg, Clock clock) {
    this.settings = settings;
    this.ffmpeg = ffmpeg;
    this.clock = clock;
    ProvidersSettings.Library library = settings.getLibrary();
    this.visualsLibrary =
        library.getVisualsDir() == null
            ? Optional.empty()
            : Optional.of(
                new LocalMediaLibrary(
                    library.getVisualsDir(),
                    () -> probe(ffmpeg.get()),
                    clock,
                    library.getRefreshEvery()));
  }

  /**
   * {@code stock} (a cloud visual source) followed by the library, when configured, and then
   * procedural designs, so that a beat never goes without a picture.
   */
  ProviderChoice<VisualSource> withFallbacks(ProviderChoice<?> stock) {
    List<VisualSource> fallbacks = visualFallbacks();
    List<VisualSource> chain = new ArrayList<>();
    chain.add((VisualSource) stock.implementation());
    chain.addAll(fallbacks);
    return new ProviderChoice<>(
        ProviderPort.VISUALS,
        stock.name(),
        stock.offline(),
        stock.description()
            + ", then "
            + String.join(", then ", fallbacks.stream().map(VisualSource::name).toList()),
        new FallbackVisuals(chain, OfflineProviders::logFallback));
  }

  /** Every offline provider, in preference order within each role. */
  List<ProviderChoice<?>> choices() {
    List<ProviderChoice<?>> choices = new ArrayList<>();
    choices.add(
        new ProviderChoice<ScriptWriter>(
            ProviderPort.SCRIPT_WRITER,
            ExtractiveScriptWriter.NAME,
            true,
            "sentences ranked with OpenNLP (paragraphs, articles), labelled templates (ideas),"
                + " manual scripts split by line",
            new ExtractiveScriptWriter()));
    choices.addAll(speech());
    choices.addAll(visuals());
    choices.add(
        new ProviderChoice<ImageGenerator>(
            ProviderPort.IMAGE_GENERATOR,
            ProceduralImages.NAME,
            true,
            "designed pictures from the prompt's words (no model weights offline)",
            new ProceduralImages()));
    choices.add(
        new ProviderChoice<VideoGenerator>(
            ProviderPort.VIDEO_GENERATOR,
            LocalVideoGenerator.NAME,
            true,
            "camera moves over a still (push-in, pull-out, pans, orbit-like parallax of the"
                + " subject), a dissolve into an end frame; procedural stills from the prompt",
            new LocalVideoGenerator(ffmpeg)));
    choices.addAll(music());
    choices.addAll(brand());
    choices.add(
        new ProviderChoice<Moderator>(
            ProviderPort.MODERATOR,
            RuleBasedModerator.NAME,
            true,
            "phrase rules by category and severity, look-alike characters undone, spam heuristics",
            new RuleBasedModerator()));
    OcrImageModerator pictures = new OcrImageModerator();
    choices.add(
        new ProviderChoice<ImageModerator>(
            ProviderPort.IMAGE_MODERATOR,
            OcrImageModerator.NAME,
            true,
            pictures.readsText()
                ? "words in pictures read by tesseract, judged by the phrase rules; what pictures"
                    + " show is not judged offline"
                : "tesseract is not installed: text in pictures not checked; what pictures show"
                    + " is not judged offline",
            pictures));
    return choices;
  }

  /** The brand director's offline trio: pixels, a derivative and templates (seed 001). */
  private static List<ProviderChoice<?>> brand() {
    return List.of(
        new ProviderChoice<BrandAnalyzer>(
            ProviderPort.BRAND_ANALYZER,
            PixelBrandAnalyzer.NAME,
            true,
            "the pixels: palette by k-means in CIE Lab with the background separated, tone,"
                + " texture, text (tesseract when installed), quality, documented score rules",
            new PixelBrandAnalyzer()),
        new ProviderChoice<StyleReferencer>(
            ProviderPort.STYLE_REFERENCE,
            LocalStyleReferencer.NAME,
            true,
            "subject crop, 3×3 median denoise, gentle colour normalisation",
            new LocalStyleReferencer()),
        new ProviderChoice<Director>(
            ProviderPort.DIRECTOR,
            TemplateDirector.NAME,
            true,
            "cinematography templates from the analysis; YELLOW feedback read for warmer, cooler,"
                + " brighter, darker, motion, framing, additions and removals",
            new TemplateDirector()));
  }

  private List<ProviderChoice<?>> speech() {
    FestivalSpeech festival = new FestivalSpeech();
    EspeakSpeech espeak = new EspeakSpeech();
    // MaryTTS first, so that auto keeps the in-process voice; the others are chosen by name.
    return List.of(
        new ProviderChoice<SpeechSynthesizer>(
            ProviderPort.SPEECH,
            MaryTtsSpeech.NAME,
            true,
            "MaryTTS 5.2 in-process, voice cmu-slt-hsmm (English), word timings",
            new MaryTtsSpeech()),
        new ProviderChoice<SpeechSynthesizer>(
            ProviderPort.SPEECH,
            FestivalSpeech.NAME,
            true,
            festival.installed()
                ? "festival, voice " + FestivalSpeech.DEFAULT_VOICE + ", exact word timings"
                : "festival is not installed (" + FestivalSpeech.INSTALL_HINT + ")",
            festival),
        new ProviderChoice<SpeechSynthesizer>(
            ProviderPort.SPEECH,
            EspeakSpeech.NAME,
            true,
            espeak.installed()
                ? "espeak-ng, about a hundred languages (voice = language code)"
                : "espeak-ng is not installed (" + EspeakSpeech.INSTALL_HINT + ")",
            espeak));
  }

  private List<ProviderChoice<?>> visuals() {
    List<ProviderChoice<?>> choices = new ArrayList<>();
    visualsLibrary.ifPresent(
        library ->
            choices.add(
                new ProviderChoice<VisualSource>(
                    ProviderPort.VISUALS,
                    LocalMediaLibrary.NAME,
                    true,
                    "media library at "
                        + settings.getLibrary().getVisualsDir()
                        + ", then procedural designs",
                    new FallbackVisuals(visualFallbacks(), OfflineProviders::logFallback))));
    choices.add(
        new ProviderChoice<VisualSource>(
            ProviderPort.VISUALS,
            ProceduralVisuals.NAME,
            true,
            "pictures about each beat: bundled Font Awesome Free icons (CC BY 4.0) matched to its"
                + " words, its key phrase on a card; abstract designs when no icon matches",
            proceduralVisuals));
    return choices;
  }

  private List<ProviderChoice<?>> music() {
    List<ProviderChoice<?>> choices = new ArrayList<>();
    ProceduralMusic procedural = new ProceduralMusic();
    ProvidersSettings.Library library = settings.getLibrary();
    if (library.getMusicDir() != null) {
      LocalMusicLibrary folder =
          new LocalMusicLibrary(
              library.getMusicDir(),
              () -> Optional.of(ffmpeg.get()),
              clock,
              library.getRefreshEvery());
      choices.add(
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
    choices.add(
        new ProviderChoice<MusicSource>(
            ProviderPort.MUSIC,
            ProceduralMusic.NAME,
            true,
            "composed per mood and synthesised in-process (pad, bass, arpeggio, drums)",
            procedural));
    FluidSynthMusic fluid = new FluidSynthMusic(settings.getFluidsynth().getSoundfont());
    choices.add(
        new ProviderChoice<MusicSource>(
            ProviderPort.MUSIC,
            FluidSynthMusic.NAME,
            true,
            fluid
                .missing()
                .orElse("the procedural compositions played by FluidSynth with a GM soundfont"),
            fluid));
    return choices;
  }

  // The library (when configured), then procedural designs: what every visual source falls to.
  private List<VisualSource> visualFallbacks() {
    List<VisualSource> fallbacks = new ArrayList<>();
    visualsLibrary.ifPresent(fallbacks::add);
    fallbacks.add(proceduralVisuals);
    return fallbacks;
  }

  private static void logFallback(VisualSource source, RuntimeException failure) {
    LOG.warn("visual source {} failed, trying the next: {}", source.name(), failure.getMessage());
  }

  private static Optional<MediaProbe> probe(FfmpegInstallation installation) {
    return installation.ffprobe().isPresent()
        ? Optional.of(new MediaProbe(installation, Duration.ofSeconds(30)))
        : Optional.empty();
  }
}

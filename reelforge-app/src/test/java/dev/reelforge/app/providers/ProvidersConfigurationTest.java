package dev.reelforge.app.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.brand.BrandAnalyzer;
import dev.reelforge.core.cost.CostRecorder;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.providers.ProviderChoice;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.videogen.VideoGenerator;
import dev.reelforge.core.visuals.Orientation;
import dev.reelforge.core.visuals.VisualQuery;
import dev.reelforge.core.visuals.VisualSource;
import dev.reelforge.media.ffmpeg.FfmpegLocator;
import dev.reelforge.providers.chat.ChatOptions;
import dev.reelforge.providers.chat.StructuredOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvidersConfigurationTest {

  private static final FfmpegLocator FFMPEG =
      FfmpegLocator.fromEnvironment(Optional.empty(), Optional.empty());

  private static ProviderRegistry registry(ProvidersSettings settings, Map<String, String> env) {
    return ProvidersConfiguration.registry(
        settings, CostRecorder.NONE, FFMPEG::locate, env::get, Clock.systemUTC());
  }

  private static String active(ProviderRegistry registry, ProviderPort port) {
    return registry.active(port).map(ProviderChoice::name).orElse("none");
  }

  @Test
  void withNoConfigurationEveryRoleResolvesToAnOfflineDefault() {
    ProviderRegistry registry = registry(new ProvidersSettings(), Map.of());
    for (ProviderPort port : ProviderPort.values()) {
      assertThat(registry.active(port)).as(port.label()).isPresent();
      assertThat(registry.active(port).get().offline()).as(port.label()).isTrue();
    }
    assertThat(active(registry, ProviderPort.SCRIPT_WRITER)).isEqualTo("extractive");
    assertThat(active(registry, ProviderPort.SPEECH)).isEqualTo("marytts");
    assertThat(active(registry, ProviderPort.VISUALS)).isEqualTo("procedural");
    assertThat(active(registry, ProviderPort.IMAGE_GENERATOR)).isEqualTo("procedural");
    assertThat(active(registry, ProviderPort.VIDEO_GENERATOR)).isEqualTo("local");
    assertThat(active(registry, ProviderPort.IMAGE_MODERATOR)).isEqualTo("ocr-rules");
  }

  @Test
  void keysSwitchAutoToTheCloudAdapters() {
    ProvidersSettings settings = new ProvidersSettings();
    settings.getOpenai().setApiKey("sk-configured");
    settings.getChat().setModel("gpt-4o-mini");
    ProviderRegistry registry =
        registry(settings, Map.of("PEXELS_API_KEY", "px", "ELEVENLABS_API_KEY", "xi"));
    assertThat(active(registry, ProviderPort.SCRIPT_WRITER)).isEqualTo("chat");
    assertThat(active(registry, ProviderPort.SPEECH)).isEqualTo("elevenlabs");
    assertThat(active(registry, ProviderPort.VISUALS)).isEqualTo("pexels");
    assertThat(active(registry, ProviderPort.IMAGE_GENERATOR)).isEqualTo("openai");
    assertThat(active(registry, ProviderPort.MODERATOR)).isEqualTo("openai");
    assertThat(active(registry, ProviderPort.IMAGE_MODERATOR)).isEqualTo("openai");
    assertThat(registry.active(ProviderPort.VISUALS).get().description())
        .contains("then procedural");
  }

  @Test
  void aLocalChatServerNeedsNoKeyAndANameOverridesAuto() {
    ProvidersSettings settings = new ProvidersSettings();
    settings.getChat().setBaseUrl("http://localhost:11434/v1");
    settings.getChat().setModel("llama3.1");
    settings.getOpenai().setApiKey("sk");
    settings.setSpeech("marytts");
    ProviderRegistry registry = registry(settings, Map.of());
    assertThat(active(registry, ProviderPort.SCRIPT_WRITER)).isEqualTo("chat");
    assertThat(registry.active(ProviderPort.SCRIPT_WRITER).get().description())
        .contains("localhost:11434");
    assertThat(active(registry, ProviderPort.SPEECH)).isEqualTo("marytts");
  }

  @Test
  void aLibraryFolderIsSearchedBeforeProceduralDesigns(@TempDir Path library) throws Exception {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(90, 160, java.awt.image.BufferedImage.TYPE_INT_RGB);
    javax.imageio.ImageIO.write(image, "png", library.resolve("lighthouse.png").toFile());
    ProvidersSettings settings = new ProvidersSettings();
    settings.getLibrary().setVisualsDir(library);
    ProviderRegistry registry = registry(settings, Map.of());
    assertThat(active(registry, ProviderPort.VISUALS)).isEqualTo("library");
    VisualSource visuals = registry.require(ProviderPort.VISUALS, VisualSource.class);
    assertThat(visuals.search(VisualQuery.of(List.of("lighthouse"), Orientation.PORTRAIT, 0)))
        .first()
        .satisfies(c -> assertThat(c.source()).isEqualTo("library"));
    assertThat(visuals.search(VisualQuery.of(List.of("volcano"), Orientation.PORTRAIT, 0)))
        .first()
        .satisfies(c -> assertThat(c.source()).isEqualTo("procedural"));
    assertThat(Files.exists(library.resolve("lighthouse.png"))).isTrue();
  }

  @Test
  void localSpeechEnginesAreChosenByNameAndSayWhenTheyAreMissing() {
    ProvidersSettings settings = new ProvidersSettings();
    settings.setSpeech("espeak-ng");
    ProviderRegistry registry = registry(settings, Map.of());
    assertThat(active(registry, ProviderPort.SPEECH)).isEqualTo("espeak-ng");
    settings.setSpeech("festival");
    ProviderChoice<?> festival = registry(settings, Map.of()).active(ProviderPort.SPEECH).get();
    assertThat(festival.name()).isEqualTo("festival");
    boolean installed =
        ((dev.reelforge.providers.speech.FestivalSpeech) festival.implementation()).installed();
    assertThat(festival.description())
        .contains(installed ? "exact word timings" : "apt-get install festival");
  }

  @Test
  void aMusicFolderIsUsedFirstAndFluidSynthIsChosenByName(@TempDir Path music) {
    ProvidersSettings settings = new ProvidersSettings();
    assertThat(active(registry(settings, Map.of()), ProviderPort.MUSIC)).isEqualTo("procedural");
    settings.getLibrary().setMusicDir(music);
    ProviderRegistry withFolder = registry(settings, Map.of());
    assertThat(active(withFolder, ProviderPort.MUSIC)).isEqualTo("library");
    // An empty folder has no track for any mood: composed music fills in.
    dev.reelforge.core.music.Music composed =
        withFolder
            .require(ProviderPort.MUSIC, dev.reelforge.core.music.MusicSource.class)
            .compose(
                new dev.reelforge.core.music.MusicRequest(
                    dev.reelforge.core.music.Mood.CALM, 2000, 1),
                music.resolve("out/m.wav"));
    assertThat(composed.licence().source()).isEqualTo("procedural");
    settings.setMusic("fluidsynth");
    settings.getFluidsynth().setSoundfont(music.resolve("none.sf2"));
    ProviderChoice<?> fluid = registry(settings, Map.of()).active(ProviderPort.MUSIC).get();
    assertThat(fluid.name()).isEqualTo("fluidsynth");
    assertThat(fluid.description()).contains("apt-get install");
  }

  @Test
  void theOpenAiKeyServesTheChatWriterOnlyWhileItTalksToOpenAi() {
    ProvidersSettings settings = new ProvidersSettings();
    settings.getChat().setModel("gpt-4o-mini");
    assertThat(active(registry(settings, Map.of()), ProviderPort.SCRIPT_WRITER))
        .as("OpenAI's URL without any key")
        .isEqualTo("extractive");
    Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-from-env");
    CloudVendors vendors = new CloudVendors(settings, env::get);
    assertThat(vendors.chat().orElseThrow().apiKey()).isEqualTo("sk-from-env");
    assertThat(vendors.openAi().orElseThrow().apiKey()).isEqualTo("sk-from-env");
    settings.getChat().setApiKey("sk-chat");
    assertThat(vendors.chat().orElseThrow().apiKey()).isEqualTo("sk-chat");
    settings.getChat().setApiKey("");
    settings.getChat().setBaseUrl("https://api.deepseek.com/v1");
    assertThat(vendors.chat().orElseThrow().apiKey()).as("not lent to another server").isEmpty();
  }

  @Test
  void brandDirectorRolesGoToTheCloudOnceKeyedGeminiBeforeOpenAi() {
    ProvidersSettings settings = new ProvidersSettings();
    settings.getOpenai().setApiKey("sk-configured");
    settings.getOpenai().setVisionModel("gpt-4.1-mini");
    settings.getChat().setModel("gpt-4o-mini");
    settings.getFal().setStyleStrength(0.35);
    Map<String, String> env = Map.of("GEMINI_API_KEY", "AIza-gem", "FAL_KEY", "fal");
    ProviderRegistry registry = registry(settings, env);
    assertThat(active(registry, ProviderPort.BRAND_ANALYZER)).isEqualTo("gemini");
    assertThat(registry.all(ProviderPort.BRAND_ANALYZER, BrandAnalyzer.class))
        .extracting(BrandAnalyzer::name)
        .containsExactly("gemini", "openai", "local");
    assertThat(active(registry, ProviderPort.STYLE_REFERENCE)).isEqualTo("fal");
    assertThat(registry.active(ProviderPort.STYLE_REFERENCE).get().description())
        .contains("fal-ai/flux/dev/image-to-image at strength 0.35");
    assertThat(active(registry, ProviderPort.DIRECTOR)).isEqualTo("chat");
    CloudVendors vendors = new CloudVendors(settings, env::get);
    assertThat(vendors.gemini().orElseThrow().apiKey()).isEqualTo("AIza-gem");
    assertThat(vendors.gemini().orElseThrow().model()).isEqualTo("gemini-2.5-flash");
    assertThat(vendors.openAi().orElseThrow().visionModel()).isEqualTo("gpt-4.1-mini");
    settings.setBrandAnalyzer("openai");
    assertThat(active(registry(settings, env), ProviderPort.BRAND_ANALYZER)).isEqualTo("openai");
    settings.setDirector("nonesuch");
    assertThatThrownBy(() -> registry(settings, env).active(ProviderPort.DIRECTOR))
        .hasMessageStartingWith("reelforge.providers.director: unknown director provider");

    settings.getFal().setStyleStrength(0.8);
    assertThatThrownBy(() -> registry(settings, env))
        .hasMessageStartingWith(
            "reelforge.providers.fal.style-strength: must be between 0.3 and 0.5");
  }

  @Test
  void theGeminiKeyIsTheSettingThenVeosThenGooglesVariables() {
    ProvidersSettings settings = new ProvidersSettings();
    assertThat(new CloudVendors(settings, Map.<String, String>of()::get).gemini()).isEmpty();
    settings.getVeo().setApiKey("AIza-veo");
    Map<String, String> env = Map.of("GEMINI_API_KEY", "AIza-env", "GOOGLE_API_KEY", "AIza-g");
    assertThat(new CloudVendors(settings, env::get).gemini().orElseThrow().apiKey())
        .isEqualTo("AIza-veo");
    settings.getGemini().setApiKey("AIza-set");
    assertThat(new CloudVendors(settings, env::get).gemini().orElseThrow().apiKey())
        .isEqualTo("AIza-set");
    assertThat(
            new CloudVendors(new ProvidersSettings(), Map.of("GOOGLE_API_KEY", "AIza-g")::get)
                .gemini()
                .orElseThrow()
                .apiKey())
        .isEqualTo("AIza-g");
  }

  @Test
  void theDeepSeekKeyAloneMakesDeepSeekTheChatApiAsSeed001Does() {
    Map<String, String> env = Map.of("DEEPSEEK_API_KEY", "sk-ds");
    ProviderRegistry registry = registry(new ProvidersSettings(), env);
    assertThat(active(registry, ProviderPort.DIRECTOR)).isEqualTo("chat");
    assertThat(registry.active(ProviderPort.DIRECTOR).get().description())
        .contains("https://api.deepseek.com")
        .contains("deepseek-chat");
    ChatOptions chat = new CloudVendors(new ProvidersSettings(), env::get).chat().orElseThrow();
    assertThat(chat.apiKey()).isEqualTo("sk-ds");
    assertThat(chat.structuredOutput()).isEqualTo(StructuredOutput.JSON_OBJECT);

    ProvidersSettings onDeepSeek = new ProvidersSettings();
    onDeepSeek.getChat().setBaseUrl("https://api.deepseek.com/v1");
    onDeepSeek.getChat().setStructuredOutput(StructuredOutput.JSON_OBJECT);
    ChatOptions configured = new CloudVendors(onDeepSeek, env::get).chat().orElseThrow();
    assertThat(configured.model()).isEqualTo("deepseek-chat");
    assertThat(configured.apiKey()).isEqualTo("sk-ds");
    ProvidersSettings openAi = new ProvidersSettings();
    openAi.getChat().setModel("gpt-4o-mini");
    openAi.getOpenai().setApiKey("sk-openai");
    assertThat(new CloudVendors(openAi, env::get).chat().orElseThrow().baseUrl())
        .as("a chat model set keeps the configured URL")
        .isEqualTo("https://api.openai.com/v1");
  }

  @Test
  void videoKeysRegisterRunwayAndVeoWithTheirSettings() {
    ProvidersSettings settings = new ProvidersSettings();
    settings.getRunway().setModel("gen4_turbo");
    settings.getRunway().setPollEvery(Duration.ofSeconds(9));
    settings.getVeo().setModel("veo-3.1-generate-preview");
    settings.getVeo().setDeadline(Duration.ofMinutes(4));
    Map<String, String> env = Map.of("RUNWAYML_API_SECRET", "key_rw", "GOOGLE_API_KEY", "AIza-g");
    ProviderRegistry registry = registry(settings, env);
    assertThat(active(registry, ProviderPort.VIDEO_GENERATOR)).isEqualTo("runway");
    assertThat(registry.all(ProviderPort.VIDEO_GENERATOR, VideoGenerator.class))
        .extracting(VideoGenerator::name)
        .contains("runway", "veo");
    CloudVendors vendors = new CloudVendors(settings, env::get);
    assertThat(vendors.runway().orElseThrow().model()).isEqualTo("gen4_turbo");
    assertThat(vendors.runway().orElseThrow().pollEvery()).hasSeconds(9);
    assertThat(vendors.veo().orElseThrow().apiKey()).as("GOOGLE_API_KEY").isEqualTo("AIza-g");
    assertThat(vendors.veo().orElseThrow().deadline()).hasMinutes(4);
    assertThat(
            new CloudVendors(
                    settings, Map.of("GEMINI_API_KEY", "AIza-gem", "GOOGLE_API_KEY", "AIza-g")::get)
                .veo()
                .orElseThrow()
                .apiKey())
        .as("GEMINI_API_KEY first")
        .isEqualTo("AIza-gem");
    settings.setVideoGenerator("veo");
    assertThat(active(registry(settings, env), ProviderPort.VIDEO_GENERATOR)).isEqualTo("veo");
    assertThat(new CloudVendors(new ProvidersSettings(), Map.<String, String>of()::get).veo())
        .isEmpty();

    settings.getRunway().setModel("gen9");
    assertThatThrownBy(() -> registry(settings, env))
        .hasMessageStartingWith("reelforge.providers.runway.model: must be one of")
        .hasMessageNotContaining("key_rw");
  }

  @Test
  void everyVendorSharesTheHttpSettings() {
    ProvidersSettings settings = new ProvidersSettings();
    settings.getHttp().setTimeout(Duration.ofSeconds(12));
    settings.getHttp().setMaxAttempts(5);
    settings.getFal().setDeadline(Duration.ofSeconds(40));
    CloudVendors vendors =
        new CloudVendors(settings, Map.of("FAL_KEY", "fal", "PIXABAY_API_KEY", "pb")::get);
    assertThat(vendors.fal().orElseThrow().resilience().timeout()).hasSeconds(12);
    assertThat(vendors.fal().orElseThrow().deadline()).hasSeconds(40);
    assertThat(vendors.pixabay().orElseThrow().resilience().maxAttempts()).isEqualTo(5);
    assertThat(vendors.pexels()).isEmpty();
    assertThat(vendors.elevenLabs()).isEmpty();
  }

  @Test
  void videoEnginesAreRegisteredOnceTheirKeysAreSetKlingFirst() {
    Map<String, String> env =
        Map.of("KLING_ACCESS_KEY", "ak-env", "KLING_SECRET_KEY", "sk-env", "LUMA_API_KEY", "lk");
    ProvidersSettings settings = new ProvidersSettings();
    settings.getKling().setMode("pro");
    settings.getKling().setPollEvery(Duration.ofSeconds(20));
    settings.getLuma().setCallbackUrl("https://reelforge.example.com/hooks/luma");
    ProviderRegistry registry = registry(settings, env);
    assertThat(active(registry, ProviderPort.VIDEO_GENERATOR)).isEqualTo("kling");
    assertThat(registry.all(ProviderPort.VIDEO_GENERATOR, VideoGenerator.class))
        .extracting(VideoGenerator::name)
        .contains("kling", "luma");
    assertThat(registry.active(ProviderPort.VIDEO_GENERATOR).get().description())
        .contains("kling-v1-6 (pro)");
    CloudVendors vendors = new CloudVendors(settings, env::get);
    assertThat(vendors.kling().orElseThrow().accessKey()).isEqualTo("ak-env");
    assertThat(vendors.kling().orElseThrow().pollEvery()).hasSeconds(20);
    assertThat(vendors.luma().orElseThrow().callbackUrl())
        .contains("https://reelforge.example.com/hooks/luma");
    settings.getKling().setAccessKey("ak-set");
    assertThat(vendors.kling().orElseThrow().accessKey())
        .as("the setting wins")
        .isEqualTo("ak-set");
    settings.setVideoGenerator("luma");
    assertThat(active(registry(settings, env), ProviderPort.VIDEO_GENERATOR)).isEqualTo("luma");
  }

  @Test
  void withEveryVideoKeyAutoTakesKlingAndTheOthersFollowInOrder() {
    Map<String, String> env =
        Map.of(
            "KLING_ACCESS_KEY", "ak",
            "KLING_SECRET_KEY", "sk",
            "LUMA_API_KEY", "lk",
            "RUNWAYML_API_SECRET", "key_rw",
            "GEMINI_API_KEY", "AIza-g");
    ProviderRegistry registry = registry(new ProvidersSettings(), env);
    assertThat(active(registry, ProviderPort.VIDEO_GENERATOR)).isEqualTo("kling");
    assertThat(registry.all(ProviderPort.VIDEO_GENERATOR, VideoGenerator.class))
        .extracting(VideoGenerator::name)
        .containsSubsequence("kling", "luma", "runway", "veo");
  }

  @Test
  void halfAKlingKeyPairStopsStartupNamingTheOtherHalf() {
    assertThatThrownBy(() -> registry(new ProvidersSettings(), Map.of("KLING_ACCESS_KEY", "ak")))
        .isInstanceOf(ReelForgeException.class)
        .hasMessage(
            "reelforge.providers.kling.secret-key: is missing; set it or the variable"
                + " KLING_SECRET_KEY");
    CloudVendors none = new CloudVendors(new ProvidersSettings(), Map.<String, String>of()::get);
    assertThat(none.kling()).isEmpty();
    assertThat(none.luma()).isEmpty();
  }

  @Test
  void aVendorSettingThatCannotWorkStopsWithItsName() {
    ProvidersSettings settings = new ProvidersSettings();
    settings.getOpenai().setApiKey("sk-secret");
    settings.getOpenai().setBaseUrl("ftp://api.openai.com/v1");
    assertThatThrownBy(() -> registry(settings, Map.of()))
        .isInstanceOf(ReelForgeException.class)
        .hasMessageStartingWith("reelforge.providers.openai.base-url: must start with http://")
        .hasMessageNotContaining("sk-secret");

    ProvidersSettings slow = new ProvidersSettings();
    slow.getHttp().setTimeout(Duration.ZERO);
    slow.getPexels().setApiKey("px");
    assertThatThrownBy(() -> registry(slow, Map.of()))
        .hasMessageStartingWith("reelforge.providers.http.timeout: must be positive");
    // Without a key no vendor is built, so the same settings are not checked at all.
    slow.getPexels().setApiKey("");
    assertThat(active(registry(slow, Map.of()), ProviderPort.VISUALS)).isEqualTo("procedural");
  }
}

package dev.reelforge.app.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import dev.reelforge.app.providers.LoggedCosts;
import dev.reelforge.core.cost.CostAttribution;
import dev.reelforge.core.cost.Prices;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.ingest.ArticleSource;
import dev.reelforge.core.jobs.memory.InMemoryJobStore;
import dev.reelforge.core.music.MusicSource;
import dev.reelforge.core.providers.ProviderChoice;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.script.InputKind;
import dev.reelforge.core.script.ScriptWriter;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.core.visuals.VisualAsset;
import dev.reelforge.core.visuals.VisualCandidate;
import dev.reelforge.core.visuals.VisualQuery;
import dev.reelforge.core.visuals.VisualSource;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.ffmpeg.FfmpegLocator;
import dev.reelforge.media.probe.MediaInfo;
import dev.reelforge.media.probe.MediaProbe;
import dev.reelforge.media.procedural.ProceduralVisuals;
import dev.reelforge.media.render.RenderEngine;
import dev.reelforge.media.render.RenderSettings;
import dev.reelforge.providers.chat.ChatFactory;
import dev.reelforge.providers.chat.ChatOptions;
import dev.reelforge.providers.chat.ChatScriptWriter;
import dev.reelforge.providers.http.CloudContext;
import dev.reelforge.providers.http.ProviderHttp;
import dev.reelforge.providers.ingest.AddressPolicy;
import dev.reelforge.providers.ingest.ArticleExtractor;
import dev.reelforge.providers.ingest.FetchLimits;
import dev.reelforge.providers.ingest.GuardedFetcher;
import dev.reelforge.providers.ingest.WebArticleSource;
import dev.reelforge.providers.music.ProceduralMusic;
import dev.reelforge.providers.script.ExtractiveScriptWriter;
import dev.reelforge.providers.speech.MaryTtsSpeech;
import dev.reelforge.story.StoryInput;
import dev.reelforge.story.StoryMaker;
import dev.reelforge.story.StoryOutputs.OutputFile;
import dev.reelforge.story.StoryProgress;
import dev.reelforge.story.StoryResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole story pipeline with the offline providers, checked by measuring what it made. */
class StoryMakerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String SCRIPT =
      """
      Octopuses have three hearts and blue blood.
      Two hearts pump blood through the gills, one through the body.
      When an octopus swims, the body heart stops, so they prefer to crawl.
      """;

  private static final StoryInput INPUT =
      new StoryInput(
          SCRIPT,
          InputKind.MANUAL,
          List.of("tiktok"),
          Optional.empty(),
          "bold-pop",
          "auto",
          "draft");

  private static FfmpegInstallation ffmpeg;

  @BeforeAll
  static void findFfmpeg() {
    ffmpeg = FfmpegLocator.fromEnvironment(Optional.empty(), Optional.empty()).locate();
  }

  private static ProviderRegistry offline(VisualSource visuals) {
    return new ProviderRegistry()
        .register(
            new ProviderChoice<ScriptWriter>(
                ProviderPort.SCRIPT_WRITER, "extractive", true, "", new ExtractiveScriptWriter()))
        .register(
            new ProviderChoice<SpeechSynthesizer>(
                ProviderPort.SPEECH, "marytts", true, "", new MaryTtsSpeech()))
        .register(new ProviderChoice<>(ProviderPort.VISUALS, "procedural", true, "", visuals))
        .register(
            new ProviderChoice<MusicSource>(
                ProviderPort.MUSIC, "procedural", true, "", new ProceduralMusic()));
  }

  private static StoryMaker maker(ProviderRegistry providers, Path dir) {
    return maker(
        providers,
        url -> {
          throw new AssertionError("no link in this test: " + url);
        },
        dir);
  }

  private static StoryMaker maker(ProviderRegistry providers, ArticleSource articles, Path dir) {
    return maker(providers, articles, CostAttribution.NONE, dir);
  }

  private static StoryMaker maker(
      ProviderRegistry providers, ArticleSource articles, CostAttribution costs, Path dir) {
    Clock clock = Clock.systemUTC();
    return new StoryMaker(
        providers,
        articles,
        new RenderEngine(ffmpeg, RenderSettings.in(dir.resolve("render")), FontLibrary.shared()),
        costs,
        () -> {
          InMemoryJobStore store = new InMemoryJobStore(clock);
          return new StoryMaker.InProcessStores(
              store.runStore(), store.taskQueue(), Optional.of(store.workSignal()));
        },
        clock);
  }

  @Test
  void aScriptBecomesAVerticalShortWithNarrationCaptionsMusicAndAManifest(@TempDir Path dir)
      throws Exception {
    List<String> stages = new ArrayList<>();
    StoryResult result =
        maker(offline(new ProceduralVisuals()), dir)
            .make(
                INPUT,
                dir.resolve("out/octopus"),
                "octopus",
                recording(stages),
                new Cancellation());

    assertThat(stages)
        .containsSubsequence(
            "ingest",
            "script",
            "voice",
            "music",
            "moderation",
            "captions",
            "render-vertical",
            "manifest")
        .contains("storyboard", "visuals", "thumbnail")
        .doesNotContain("render-horizontal", "render-square");
    OutputFile output = result.outputs().getFirst();
    MediaInfo info =
        new MediaProbe(ffmpeg, Duration.ofSeconds(30)).probe(result.file(output.video()));
    assertThat(info.video().orElseThrow().width()).isEqualTo(1080);
    assertThat(info.video().orElseThrow().height()).isEqualTo(1920);
    assertThat(info.audio()).isPresent();

    JsonNode manifest = JSON.readTree(result.manifest().toFile());
    long narration = manifest.path("narration").path("durationMillis").asLong();
    assertThat(info.durationSeconds() * 1000).isCloseTo(narration + 400.0, within(250.0));
    assertThat(manifest.path("beats")).hasSize(3);
    for (JsonNode beat : manifest.path("beats")) {
      assertThat(beat.path("visual").path("licence").path("source").asString()).isNotBlank();
      assertThat(beat.path("endMillis").asLong()).isGreaterThan(beat.path("startMillis").asLong());
    }
    assertThat(manifest.path("beats").get(0).path("text").asString())
        .isEqualTo("Octopuses have three hearts and blue blood.");
    assertThat(manifest.path("music").path("licence").path("licence").asString()).isNotBlank();
    assertThat(manifest.path("providers").path("speech").asString()).startsWith("marytts");
    // Offline pictures are composed from bundled icons that match the beat's words: each beat
    // says which word found which icon, and the icons are credited with their licence.
    assertThat(manifest.path("beats").get(0).path("visual").path("description").asString())
        .contains("icon 'heart' matched 'hearts' (icon name)");
    assertThat(manifest.path("licences").valueStream().map(l -> l.path("source").asString()))
        .containsOnly("procedural");
    assertThat(manifest.path("licences").valueStream())
        .anySatisfy(
            l -> {
              assertThat(l.path("author").asString()).startsWith("Font Awesome Free 6.5.1");
              assertThat(l.path("licence").asString()).isEqualTo("CC BY 4.0");
              assertThat(l.path("url").asString())
                  .isEqualTo("https://fontawesome.com/license/free");
            });
    assertThat(manifest.path("stageMillis").has("render-vertical")).isTrue();
    assertThat(manifest.path("cost").path("estimatedUsd").asDouble()).isZero();
    assertThat(manifest.path("outputs").get(0).path("video").asString())
        .isEqualTo("octopus-tiktok.mp4");

    // Captions: every spoken word, in the SRT, within the video.
    String srt = Files.readString(result.file(output.srt()));
    assertThat(srt).containsIgnoringCase("octopuses").containsIgnoringCase("crawl");
    assertThat(srt.lines().filter(l -> l.contains("-->")).count()).isGreaterThanOrEqualTo(3);
    assertThat(Files.size(result.file(output.thumbnail()))).isGreaterThan(10_000);
  }

  @Test
  void aCloudWritersMeteredCallIsAttributedToTheRunAndCostedInTheManifest(@TempDir Path dir)
      throws Exception {
    // An OpenAI-compatible chat server answering in the documented envelope, with its usage.
    String script =
        "{\"title\":\"Octopus hearts\",\"beats\":[{\"text\":\"Octopuses have three"
            + " hearts.\",\"keywords\":[\"octopus\",\"heart\"],\"shot\":\"An octopus.\"},"
            + "{\"text\":\"Two of them pump blood through the gills.\",\"keywords\":"
            + "[\"gills\",\"ocean\"],\"shot\":\"Gills.\"}],\"description\":\"About"
            + " octopuses.\",\"hashtags\":[\"octopus\",\"ocean\",\"science\"]}";
    String completion =
        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
            + JSON.writeValueAsString(script)
            + "},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":1500,\"completion_tokens\":500,\"total_tokens\":2000}}";
    AtomicInteger calls = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v1/chat/completions",
        exchange -> {
          calls.incrementAndGet();
          exchange.getRequestBody().readAllBytes();
          byte[] body = completion.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      LoggedCosts costs = new LoggedCosts(call -> {});
      ChatScriptWriter chat =
          ChatFactory.scriptWriter(
              ChatOptions.newBuilder()
                  .setBaseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
                  .setApiKey("sk-test")
                  .setModel("gpt-4o-mini")
                  .build(),
              CloudContext.of(costs, Clock.systemUTC(), ProviderHttp.Observer.NONE));
      ProviderRegistry providers =
          offline(new ProceduralVisuals())
              .register(
                  new ProviderChoice<ScriptWriter>(
                      ProviderPort.SCRIPT_WRITER, "chat", false, "", chat));
      StoryMaker maker =
          maker(
              providers,
              url -> {
                throw new AssertionError("no link in this test: " + url);
              },
              costs,
              dir);
      StoryInput paragraph =
          new StoryInput(
              "Octopuses are clever animals with three hearts and blue blood.",
              InputKind.PARAGRAPH,
              List.of("tiktok"),
              Optional.empty(),
              "bold-pop",
              "none",
              "draft");

      StoryResult result =
          maker.make(
              paragraph,
              dir.resolve("out/o"),
              "o",
              recording(new ArrayList<>()),
              new Cancellation());

      assertThat(calls).hasValue(1);
      JsonNode manifest = JSON.readTree(result.manifest().toFile());
      assertThat(manifest.path("providers").path("scriptWriter").asString())
          .isEqualTo("chat/gpt-4o-mini");
      assertThat(manifest.path("cost").path("estimatedUsd").decimalValue())
          .isEqualByComparingTo(Prices.perThousand(2000, Prices.TEXT_PER_1K_TOKENS));
      JsonNode call = manifest.path("cost").path("calls").get(0);
      assertThat(call.path("provider").asString()).isEqualTo("chat");
      assertThat(call.path("quantity").asLong()).isEqualTo(2000);
      assertThat(manifest.path("beats").get(0).path("text").asString())
          .isEqualTo("Octopuses have three hearts.");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aRunThatFailedMidwayResumesWithoutRedoingFinishedStages(@TempDir Path dir) throws Exception {
    AtomicBoolean broken = new AtomicBoolean(true);
    VisualSource flaky = new FlakyVisuals(new ProceduralVisuals(), broken);
    StoryMaker maker = maker(offline(flaky), dir);
    Path folder = dir.resolve("out/octopus");
    assertThatThrownBy(
            () ->
                maker.make(
                    INPUT, folder, "octopus", recording(new ArrayList<>()), new Cancellation()))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_API_ERROR));
    Path script = only(folder.resolve(".work/stages"), "script-");
    FileTime scriptWritten = Files.getLastModifiedTime(script);
    Map<Path, FileTime> narrated = modified(folder.resolve(".work/voice-cache"));
    assertThat(narrated).as("each beat's narration is cached").isNotEmpty();

    broken.set(false);
    List<String> stages = new ArrayList<>();
    StoryResult result =
        maker.make(INPUT, folder, "octopus", recording(stages), new Cancellation());
    assertThat(result.reusedStages()).isEqualTo(3);
    assertThat(stages)
        .contains("ingest (reused)", "script (reused)", "storyboard (reused)", "voice", "visuals")
        .contains("render-vertical");
    assertThat(Files.getLastModifiedTime(script)).isEqualTo(scriptWritten);
    assertThat(modified(folder.resolve(".work/voice-cache")))
        .as("no beat narrated again")
        .containsAllEntriesOf(narrated);
    assertThat(result.file(result.outputs().getFirst().video())).exists();

    // Another input in the same folder starts afresh rather than reusing this story.
    StoryInput other =
        new StoryInput(
            "Bees dance to tell each other where the flowers are.",
            InputKind.MANUAL,
            List.of("tiktok"),
            Optional.empty(),
            "bold-pop",
            "none",
            "draft");
    List<String> fresh = new ArrayList<>();
    StoryResult second = maker.make(other, folder, "octopus", recording(fresh), new Cancellation());
    assertThat(second.reusedStages()).isZero();
    JsonNode secondManifest = JSON.readTree(second.manifest().toFile());
    assertThat(secondManifest.path("beats")).hasSize(1);
    assertThat(
            secondManifest.path("music").isMissingNode() || secondManifest.path("music").isNull())
        .as("no music was asked for")
        .isTrue();
    assertThat(fresh).noneMatch(stage -> stage.endsWith("(reused)"));
  }

  @Test
  void aLinksArticleIsReadOnceAndTheScriptIsWrittenFromIt(@TempDir Path dir) throws Exception {
    String article =
        "<html><head><title>Lanternfish</title></head><body><nav>Home | News</nav><article>"
            + "<p>Lanternfish make up most of the deep sea's fish by number.</p>"
            + "<p>Each night they rise hundreds of metres to feed near the surface.</p>"
            + "<p>Their bodies glow with light organs called photophores, which hide them from"
            + " hunters below by matching the faint light from above.</p></article>"
            + "<footer>Subscribe to our newsletter</footer></body></html>";
    AtomicInteger fetches = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/lanternfish",
        exchange -> {
          fetches.incrementAndGet();
          byte[] body = article.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      // The local server is on loopback, which users' links may not reach: trust exactly it.
      GuardedFetcher fetcher =
          new GuardedFetcher(
              AddressPolicy.publicAnd(InetAddress.getByName("127.0.0.1")),
              GuardedFetcher.Resolver.SYSTEM,
              SSLContext.getDefault(),
              FetchLimits.DEFAULT);
      AtomicBoolean broken = new AtomicBoolean(true);
      StoryMaker maker =
          maker(
              offline(new FlakyVisuals(new ProceduralVisuals(), broken)),
              new WebArticleSource(fetcher, new ArticleExtractor()),
              dir);
      StoryInput link =
          StoryInput.fromLink(
              "http://127.0.0.1:" + server.getAddress().getPort() + "/lanternfish",
              List.of("tiktok"),
              Optional.empty(),
              "bold-pop",
              "none",
              "draft");
      Path folder = dir.resolve("out/lanternfish");

      for (int attempt = 0; attempt < 2; attempt++) {
        assertThatThrownBy(
                () ->
                    maker.make(
                        link,
                        folder,
                        "lanternfish",
                        recording(new ArrayList<>()),
                        new Cancellation()))
            .isInstanceOf(ReelForgeException.class)
            .hasMessageContaining("stock search is down");
      }

      assertThat(fetches).as("the article is remembered, not fetched again").hasValue(1);
      String saved = Files.readString(only(folder.resolve(".work/stages"), "ingest-"));
      assertThat(saved)
          .contains("Lanternfish")
          .contains("photophores")
          .doesNotContain("newsletter");
      String script = Files.readString(only(folder.resolve(".work/stages"), "script-"));
      assertThat(script).contains("Each night they rise hundreds of metres");
    } finally {
      server.stop(0);
    }
  }

  private static StoryProgress recording(List<String> stages) {
    return new StoryProgress() {
      @Override
      public synchronized void stageStarted(String stage, boolean reused) {
        stages.add(stage + (reused ? " (reused)" : ""));
      }

      @Override
      public void stageProgress(String stage, double fraction, String step) {}

      @Override
      public void stageFinished(String stage, long millis) {}
    };
  }

  /** The one file in {@code dir} whose name starts with {@code prefix}. */
  private static Path only(Path dir, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
      assertThat(found).as(prefix + "* in " + dir).hasSize(1);
      return found.getFirst();
    }
  }

  private static Map<Path, FileTime> modified(Path dir) throws IOException {
    Map<Path, FileTime> times = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        times.put(file, Files.getLastModifiedTime(file));
      }
    }
    return times;
  }

  /** Procedural visuals that fail like an unreachable stock API while {@code broken} is set. */
  private record FlakyVisuals(VisualSource delegate, AtomicBoolean broken) implements VisualSource {
    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public List<VisualCandidate> search(VisualQuery query) {
      if (broken.get()) {
        throw new ReelForgeException(ErrorCode.EXTERNAL_API_ERROR, "stock search is down");
      }
      return delegate.search(query);
    }

    @Override
    public VisualAsset fetch(VisualCandidate candidate, Path directory) {
      return delegate.fetch(candidate, directory);
    }
  }
}

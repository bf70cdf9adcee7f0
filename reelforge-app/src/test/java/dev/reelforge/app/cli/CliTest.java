package dev.reelforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.postgres.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process with its output captured. */
class CliTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Cli cli =
      new Cli(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void versionPrintsTheBuild() {
    assertThat(cli.run("version")).isZero();
    assertThat(stdout()).startsWith("ReelForge ").contains("Java " + Runtime.version().feature());
  }

  @Test
  void unknownCommandsAndOptionsAreUsageErrors() {
    assertThat(cli.run("render-everything")).isEqualTo(Cli.EXIT_USAGE);
    assertThat(stderr())
        .contains("reelforge: unknown command 'render-everything'\nsee reelforge --help");
    assertThat(cli.run()).isEqualTo(Cli.EXIT_USAGE);
    assertThat(cli.run("serve", "--port")).isEqualTo(Cli.EXIT_USAGE);
    assertThat(stderr()).contains("--port needs a value");
    assertThat(cli.run("serve", "--verbose")).isEqualTo(Cli.EXIT_USAGE);
  }

  @Test
  void makeExplainsBadOptionsBeforeDoingAnything(@TempDir Path dir) {
    assertThat(cli.run("make", "--help")).isZero();
    assertThat(stdout()).contains("--script FILE");
    assertThat(cli.run("make")).isEqualTo(Cli.EXIT_USAGE);
    assertThat(stderr()).contains("say what to make: --idea");
    assertThat(cli.run("make", "--url", "https://example.com/a", "--idea", "moon"))
        .isEqualTo(Cli.EXIT_USAGE);
    assertThat(stderr()).contains("give one input: --idea, --text FILE, --url LINK");
    assertThat(cli.run("make", "--idea", "moon", "--formats", "tiktok,imax"))
        .isEqualTo(Cli.EXIT_USAGE);
    assertThat(stderr()).contains("unknown format 'imax'");
    assertThat(cli.run("make", "--idea", "moon", "--music", "sad")).isEqualTo(Cli.EXIT_USAGE);
    assertThat(stderr()).contains("--music must be auto, none or a mood: calm");
    assertThat(cli.run("make", "--text", dir.resolve("missing.txt").toString()))
        .isEqualTo(Cli.EXIT_USAGE);
    assertThat(stderr()).contains("no such file");
    assertThat(cli.run("make", "--idea", "moon", "--name", "../escape")).isEqualTo(Cli.EXIT_USAGE);
    assertThat(stderr()).contains("--name may use letters");
  }

  @Test
  void makeRefusesALinkIntoOurOwnNetworkWithoutFetchingIt(@TempDir Path dir) {
    String out = dir.toString();

    assertThat(cli.run("make", "--url", "http://127.0.0.1:9/admin", "--out", out))
        .isEqualTo(Cli.EXIT_USAGE);
    assertThat(stderr()).contains("links must point to the public internet").contains("loopback");
    assertThat(cli.run("make", "--url", "http://169.254.169.254/latest/", "--out", out))
        .isEqualTo(Cli.EXIT_USAGE);
    assertThat(stderr()).contains("link-local / cloud metadata");
    assertThat(cli.run("make", "--url", "file:///etc/passwd", "--out", out))
        .isEqualTo(Cli.EXIT_USAGE);
    assertThat(stderr()).contains("only http and https links can be read");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void makeTurnsAnIdeaIntoAVideoWithSidecarsAndAManifest(@TempDir Path dir) {
    int code =
        cli.run(
            "make",
            "--idea",
            "how bees find flowers",
            "--quality",
            "draft",
            "--music",
            "none",
            "--out",
            dir.toString(),
            "--reelforge.media.render-work-dir=" + dir.resolve("work"));
    assertThat(code).as(stderr()).isZero();
    Path folder = dir.resolve("how-bees-find-flowers");
    assertThat(stdout())
        .contains("Making 'how-bees-find-flowers' from idea")
        .contains(folder.resolve("how-bees-find-flowers-tiktok.mp4").toString())
        .contains("manifest");
    assertThat(folder.resolve("how-bees-find-flowers-tiktok.mp4")).isNotEmptyFile();
    assertThat(folder.resolve("how-bees-find-flowers-tiktok.jpg")).isNotEmptyFile();
    assertThat(folder.resolve("how-bees-find-flowers-tiktok.srt")).isNotEmptyFile();
    assertThat(folder.resolve("how-bees-find-flowers-tiktok.vtt")).isNotEmptyFile();
    assertThat(folder.resolve("manifest.json")).content().contains("\"origin\" : \"template\"");
    assertThat(stderr())
        .containsPattern("script +done in")
        .containsPattern("render-vertical +done in")
        .doesNotContain("render-horizontal");
    // A template says so where the user reads the result, with the file to edit.
    Path lines = folder.resolve("script.txt");
    assertThat(stdout())
        .contains("script   " + lines + ", template (extractive)")
        .contains("TEMPLATE: this script is a structure to edit")
        .contains("reelforge make --script " + lines);
    assertThat(lines).content().contains("bees find flowers");

    // Adding a format reuses the script, the storyboard and every vertical segment.
    code =
        cli.run(
            "make",
            "--idea",
            "how bees find flowers",
            "--formats",
            "tiktok,square",
            "--quality",
            "draft",
            "--music",
            "none",
            "--out",
            dir.toString(),
            "--reelforge.media.render-work-dir=" + dir.resolve("work"));
    assertThat(code).as(stderr()).isZero();
    assertThat(stderr())
        .containsPattern("script +reused from the last run")
        .containsPattern("storyboard +reused from the last run");
    assertThat(folder.resolve("how-bees-find-flowers-square.mp4")).isNotEmptyFile();
    java.util.regex.Matcher segments =
        java.util.regex.Pattern.compile("segments (\\d+) encoded, (\\d+) reused").matcher(stdout());
    assertThat(segments.find()).as(stdout()).isTrue();
    assertThat(segments.find()).as("the second run's line").isTrue();
    // Only the square's segments are new: as many reused (the vertical ones) as encoded.
    assertThat(segments.group(2)).isEqualTo(segments.group(1));
  }

  @Test
  void aBadInputIsOneLineWithItsOptionAndNothingIsWritten(@TempDir Path dir) throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.txt"), "");
    Path blank = Files.writeString(dir.resolve("blank.txt"), "  \n\t\n  ");
    Path code = Files.writeString(dir.resolve("code.md"), "```java\nint x = 1;\n```\n");
    Path longBeat = Files.writeString(dir.resolve("long.txt"), "A line. ".repeat(30) + "\nTwo.\n");
    Path out = dir.resolve("out");
    Path data = dir.resolve("data");
    assertMakeRefuses(
        dir, "reelforge: --text " + empty + ": the file is empty", "--text", empty.toString());
    assertMakeRefuses(
        dir,
        "reelforge: --text " + blank + ": the file holds only blank space",
        "--text",
        blank.toString());
    assertMakeRefuses(
        dir,
        "reelforge: --text " + code + ": has nothing to narrate: it holds only",
        "--text",
        code.toString());
    assertMakeRefuses(
        dir,
        "reelforge: --script " + longBeat + ": Each beat must be ≤ 160 characters (line 1",
        "--script",
        longBeat.toString());
    assertMakeRefuses(
        dir, "reelforge: --text examples/nope.txt: no such file", "--text", "examples/nope.txt");
    assertMakeRefuses(
        dir, "reelforge: --text " + dir + ": is a folder, not a file", "--text", dir.toString());
    assertMakeRefuses(
        dir,
        "reelforge: --url http://127.0.0.1:9/x: links must point to the public internet",
        "--url",
        "http://127.0.0.1:9/x");
    assertMakeRefuses(
        dir,
        "reelforge: --url file:///etc/passwd: only http and https links can be read (got file)",
        "--url",
        "file:///etc/passwd");
    assertMakeRefuses(dir, "reelforge: --idea needs some words", "--idea", " ");

    // None of them made a folder, a work file or a data folder.
    assertThat(out).doesNotExist();
    assertThat(data).doesNotExist();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("empty.txt", "blank.txt", "code.md", "long.txt");
    }
  }

  /** {@code make} with {@code input}, its outputs and data in {@code dir}, is a usage error. */
  private void assertMakeRefuses(Path dir, String firstLine, String... input) {
    List<String> args = new ArrayList<>(List.of("make"));
    args.addAll(List.of(input));
    args.addAll(
        List.of("--out", dir.resolve("out").toString(), "--data", dir.resolve("data").toString()));
    assertUsageError(firstLine, args.toArray(String[]::new));
  }

  /**
   * Runs {@code args}, expecting a usage error: one line that starts with {@code firstLine}, then
   * where the command's help is, and nothing else.
   */
  private void assertUsageError(String firstLine, String... args) {
    out.reset();
    err.reset();
    assertThat(cli.run(args)).as(stderr()).isEqualTo(Cli.EXIT_USAGE);
    List<String> lines = stderr().lines().toList();
    assertThat(lines).as(stderr()).hasSize(2);
    assertThat(lines.get(0)).startsWith(firstLine);
    assertThat(lines.get(1)).startsWith("see reelforge " + args[0]).endsWith(" --help");
    assertThat(stderr()).doesNotContain("resume").doesNotContain("usage:");
    assertThat(stdout()).isEmpty();
  }

  @Test
  void formatsAreCalledFormatsEverywhere() {
    assertUsageError(
        "reelforge: unknown format 'instagram' (formats: tiktok, reels, shorts, youtube, square)",
        "make",
        "--idea",
        "moon",
        "--formats",
        "tiktok,instagram");
    assertUsageError(
        "reelforge: unknown format 'imax' (formats: tiktok, reels, shorts, youtube, square)",
        "render",
        "story.json",
        "--formats",
        "imax");
    // --preset, render's older name of the option, still works and says "format" too.
    assertUsageError(
        "reelforge: unknown format 'vine'", "render", "story.json", "--preset", "vine");
    assertThat(cli.run("make", "--help")).isZero();
    assertThat(cli.run("render", "--help")).isZero();
    assertThat(stdout()).contains("--formats LIST").doesNotContain("--preset LIST");
  }

  @Test
  void everyCommandHasItsOwnHelp() {
    Map<String, String> helps =
        Map.of(
            "make", "usage: reelforge make (--idea",
            "render", "usage: reelforge render TIMELINE.json",
            "serve", "usage: reelforge serve",
            "doctor", "usage: reelforge doctor",
            "user", "usage: reelforge user add NAME [--role R]",
            "user add", "usage: reelforge user add NAME [--role admin|",
            "user list", "usage: reelforge user list",
            "user reset-password", "usage: reelforge user reset-password NAME",
            "version", "usage: reelforge version",
            "voices", "usage: reelforge voices");
    helps.forEach(
        (command, usage) -> {
          for (List<String> form :
              List.of(List.of(command.split(" ")), List.of(("help " + command).split(" ")))) {
            List<String> args = new ArrayList<>(form);
            if (!form.getFirst().equals("help")) {
              args.add("--help");
            }
            out.reset();
            err.reset();
            assertThat(cli.run(args.toArray(String[]::new))).as(String.join(" ", args)).isZero();
            assertThat(stdout()).as(String.join(" ", args)).startsWith(usage);
            assertThat(stdout()).doesNotContain("commands:");
            assertThat(stderr()).isEmpty();
          }
        });
    out.reset();
    assertThat(cli.run("make", "-h")).isZero();
    assertThat(stdout()).contains("--script FILE").contains("--data DIR");
    out.reset();
    assertThat(cli.run("--help")).isZero();
    assertThat(stdout()).contains("commands:").contains("--data DIR").contains("--debug");
  }

  @Test
  void voicesListsTheInstalledVoicesAndMakeRefusesOneThatIsNot(@TempDir Path dir) {
    assertThat(cli.run("voices", "--data", dir.resolve("data").toString())).isZero();
    List<String> lines = stdout().lines().toList();
    assertThat(lines.getFirst()).startsWith("VOICE").contains("LANGUAGE");
    assertThat(lines.getLast())
        .matches("\\d+ voice\\(s\\) of [a-z-]+; use one with make --voice ID");
    String installed = lines.get(1).split("\\s+")[0];

    assertMakeRefuses(dir, "reelforge: --voice: ", "--idea", "moon", "--voice", "nobody");
    assertThat(stderr()).contains(" has no voice 'nobody' (installed: ");
    assertThat(stderr()).contains(installed);
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void userArgumentsAreCheckedBeforeAnythingStarts() {
    assertUsageError(
        "reelforge: unknown role 'superuser' (roles: admin, operator, creator, viewer)",
        "user",
        "add",
        "dave",
        "--role",
        "superuser");
    assertThat(stderr()).contains("see reelforge user add --help");
    assertUsageError("reelforge: user add needs the new user's name", "user", "add");
    assertUsageError("reelforge: unknown user command 'create'", "user", "create", "bob");
    assertUsageError("reelforge: unexpected argument 'now'", "user", "list", "now");
  }

  @Test
  void userListEndsWithoutAStackTraceRunAfterRun(@TempDir Path data) throws Exception {
    TestDatabase database = TestDatabase.freshSchema("CliUserList");
    // Anything a library prints on its own (a failing GC listener, a log line) goes to the
    // process's streams, not to the Cli's: watch those too, while the JVM collects garbage.
    ByteArrayOutputStream process = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    PrintStream capture = new PrintStream(process, true, StandardCharsets.UTF_8);
    AtomicBoolean running = new AtomicBoolean(true);
    Thread collector =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  // A collection every 200 ms is several per run; one every 20 ms kept the
                  // JVM collecting for minutes when another test JVM shared the cores.
                  while (running.get()) {
                    System.gc();
                    LockSupport.parkNanos(200_000_000);
                  }
                });
    System.setOut(capture);
    System.setErr(capture);
    try {
      for (int run = 0; run < 4; run++) {
        assertThat(
                cli.run(
                    "user",
                    "list",
                    "--data",
                    data.toString(),
                    "--reelforge.database.url=" + database.server().jdbcUrl(),
                    "--reelforge.database.username=" + database.username(),
                    "--reelforge.database.password=" + database.password(),
                    "--reelforge.database.schema=" + database.schema()))
            .as(stderr())
            .isZero();
      }
    } finally {
      running.set(false);
      collector.join();
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    String everything = stdout() + stderr() + process.toString(StandardCharsets.UTF_8);
    assertThat(everything)
        .doesNotContain("\tat ")
        .doesNotContain("at org.")
        .doesNotContain("Exception")
        .doesNotContain(" WARN ")
        .doesNotContain(" INFO ");
    assertThat(stdout().lines().filter(l -> l.startsWith("USERNAME") || l.startsWith("no users")))
        .as("a table (or the word that there is nobody yet) from each of the four runs")
        .hasSize(4);
  }

  @Test
  void makeWithADataFolderWritesOnlyThereAndToItsOutputs(@TempDir Path dir) throws IOException {
    Path workingDirData = Path.of("data");
    boolean hadData = Files.exists(workingDirData);
    Path data = dir.resolve("data");
    Path outputs = dir.resolve("out");
    int code =
        cli.run(
            "make",
            "--idea",
            "why leaves turn red",
            "--quality",
            "draft",
            "--music",
            "none",
            "--data",
            data.toString(),
            "--out",
            outputs.toString());
    assertThat(code).as(stderr()).isZero();
    try (Stream<Path> top = Files.list(dir)) {
      assertThat(top.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("data", "out");
    }
    try (Stream<Path> top = Files.list(outputs)) {
      assertThat(top.map(p -> p.getFileName().toString())).containsExactly("why-leaves-turn-red");
    }
    // The run's work files stay beside its outputs; the render cache is the data folder's.
    assertThat(outputs.resolve("why-leaves-turn-red").resolve(".work")).isDirectory();
    try (Stream<Path> cache = Files.walk(data.resolve("render"))) {
      assertThat(cache.filter(Files::isRegularFile)).isNotEmpty();
    }
    if (!hadData) {
      assertThat(workingDirData).as("nothing in the working directory's ./data").doesNotExist();
    }
  }

  @Test
  void aRunThatFailsSaysWhichStagesItKeepsForTheNextRun(@TempDir Path dir) {
    int code =
        cli.run(
            "make",
            "--idea",
            "how bees find flowers",
            "--quality",
            "draft",
            "--data",
            dir.resolve("data").toString(),
            "--out",
            dir.resolve("out").toString(),
            // A cloud voice whose vendor cannot be reached: the voice stage fails after the
            // script was written.
            "--reelforge.providers.speech=openai",
            "--reelforge.providers.openai.api-key=sk-test",
            "--reelforge.providers.openai.base-url=http://127.0.0.1:9/v1");

    assertThat(code).as(stderr()).isEqualTo(1);
    Path work = dir.resolve("out").resolve("how-bees-find-flowers").resolve(".work");
    assertThat(stderr())
        .containsPattern("(?m)^reelforge: voice: ")
        .containsPattern(
            "stage\\(s\\) done are kept in " + java.util.regex.Pattern.quote(work.toString()))
        .doesNotContain("\tat ");
    assertThat(work).isDirectory();
  }

  @Test
  void anInvalidPortStopsServeWithOneLine() {
    assertThat(cli.run("serve", "--port", "70000")).isEqualTo(1);
    assertOneLineError("invalid setting reelforge.server.port = '70000'");
  }

  @Test
  void anUnreachableDatabaseStopsServeWithOneLine() {
    assertThat(
            cli.run(
                "serve",
                "--port=0",
                "--reelforge.database.url=jdbc:postgresql://127.0.0.1:1/reelforge"))
        .isEqualTo(1);
    assertOneLineError("cannot connect to the database at jdbc:postgresql://127.0.0.1:1/reelforge");
    assertThat(stderr()).contains("REELFORGE_DATABASE_URL");
  }

  @Test
  void doctorReportsEveryComponentAndSucceedsWhenTheyWork(@TempDir Path storage) {
    TestDatabase database = TestDatabase.freshSchema("CliTest");
    int code =
        cli.run(
            "doctor",
            "--reelforge.database.url=" + database.server().jdbcUrl(),
            "--reelforge.database.username=" + database.username(),
            "--reelforge.database.password=" + database.password(),
            "--reelforge.database.schema=" + database.schema(),
            "--reelforge.storage.local-root=" + storage);
    assertThat(code).as(stdout() + stderr()).isZero();
    assertThat(stdout())
        .containsPattern("ok +JDK")
        .containsPattern("ok +FFmpeg .*H\\.264 encoder: lib")
        .containsPattern("ok +database +PostgreSQL 17")
        .containsPattern("ok +blob store +local folder " + storage)
        .containsPattern("ok +provider: speech +marytts \\(offline\\)")
        .containsPattern("ok +provider: moderation +rules \\(offline\\)")
        .containsPattern("ok +provider: music +procedural \\(offline\\)")
        .containsPattern("ok +provider: visuals +procedural \\(offline\\)")
        .containsPattern("ok +provider: script writer +extractive \\(offline\\)")
        .containsPattern("ok +provider: image generator +procedural \\(offline\\)")
        .contains("Everything required works");
    assertThat(stdout()).doesNotContain(database.password());
  }

  @Test
  void doctorNamesAnUnknownProviderAndWhatIsAvailable() {
    int code =
        cli.run(
            "doctor",
            "--reelforge.database.url=postgresql://reel:pw@127.0.0.1:1/x",
            "--reelforge.providers.speech=polly");
    assertThat(code).isEqualTo(1);
    assertThat(stdout())
        .containsPattern("FAIL +providers +unknown speech provider 'polly'; available: marytts")
        .contains("fix reelforge.providers.speech");
  }

  @Test
  void doctorFailsWithAFixWhenTheDatabaseIsUnreachable() {
    int code = cli.run("doctor", "--reelforge.database.url=postgresql://reel:pw@127.0.0.1:1/x");
    assertThat(code).isEqualTo(1);
    assertThat(stdout())
        .containsPattern("FAIL +database +cannot connect")
        .contains("fix:")
        .contains("required component(s) broken")
        .doesNotContain(":pw@");
  }

  private void assertOneLineError(String start) {
    String error = stderr().strip();
    assertThat(error).startsWith("reelforge: " + start);
    assertThat(error.lines()).hasSize(1);
    assertThat(stdout() + stderr()).doesNotContain("\tat ").doesNotContain("Exception:");
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void clipsHasItsHelpAndExplainsBadOptionsBeforeDoingAnything(@TempDir Path dir)
      throws IOException {
    assertThat(cli.run("clips", "--help")).isZero();
    assertThat(stdout())
        .startsWith("usage: reelforge clips FILE")
        .contains("--srt FILE")
        .contains("--min-seconds S");
    out.reset();
    assertThat(cli.run("--help")).isZero();
    assertThat(stdout()).contains("clips     cut a long video");

    Path video = Files.write(dir.resolve("talk.mp4"), new byte[] {0, 0, 0, 8});
    Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");
    assertUsageError("reelforge: say which video to cut: clips FILE", "clips");
    assertUsageError(
        "reelforge: no such file: " + dir.resolve("gone.mp4"),
        "clips",
        dir.resolve("gone.mp4").toString());
    assertUsageError(
        "reelforge: --count must be from 1 to 30, was 0",
        "clips",
        video.toString(),
        "--count",
        "0");
    assertUsageError(
        "reelforge: unknown format 'imax'", "clips", video.toString(), "--formats", "tiktok,imax");
    assertUsageError(
        "reelforge: --max-seconds (10) must not be below --min-seconds (20)",
        "clips",
        video.toString(),
        "--min-seconds",
        "20",
        "--max-seconds",
        "10");
    assertUsageError(
        "reelforge: --min-seconds must be from 3 to 180, was 1",
        "clips",
        video.toString(),
        "--min-seconds",
        "1");
    assertUsageError(
        "reelforge: --quality must be draft, standard or high",
        "clips",
        video.toString(),
        "--quality",
        "ultra");
    assertUsageError(
        "reelforge: --caption-style must be one of bold-pop",
        "clips",
        video.toString(),
        "--caption-style",
        "comic");
    assertUsageError(
        "reelforge: --srt " + notes + ": captions must be an .srt or .vtt file",
        "clips",
        video.toString(),
        "--srt",
        notes.toString());
    assertUsageError(
        "reelforge: unexpected option '--speed'", "clips", video.toString(), "--speed");
    assertThat(Files.list(dir).count()).isEqualTo(2);
  }

  @Test
  void clipsCutsATalkWithItsTranscriptIntoVerticalClips(@TempDir Path dir) throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        dev.reelforge.testkit.clips.TalkingHeadVideo.ffmpegAvailable(),
        "needs an ffmpeg with libx264 on the PATH");
    Path video = dir.resolve("Team Talk.mp4");
    var truth =
        dev.reelforge.testkit.clips.TalkingHeadVideo.builder()
            .durationMillis(36_000)
            .build()
            .write(video);
    // One cue per spoken sentence of the fixture, with words of our own.
    StringBuilder srt = new StringBuilder();
    int n = 0;
    for (var sentence : truth.speech()) {
      n++;
      srt.append(n)
          .append('\n')
          .append(srtTime(sentence.fromMillis()))
          .append(" --> ")
          .append(srtTime(sentence.toMillis()))
          .append("\nSentence number ")
          .append(n)
          .append(" tells the team about the plan.\n\n");
    }
    Path subtitle = Files.writeString(dir.resolve("talk.srt"), srt);
    Path folder = dir.resolve("clips");

    int code =
        cli.run(
            "clips",
            video.toString(),
            "--srt",
            subtitle.toString(),
            "--count",
            "2",
            "--min-seconds",
            "6",
            "--max-seconds",
            "14",
            "--quality",
            "draft",
            "--out",
            folder.toString(),
            "--data",
            dir.resolve("data").toString());

    assertThat(code).as(stderr()).isZero();
    assertThat(stdout())
        .contains("Cutting " + video)
        .contains("Transcribed by provided-srt")
        .containsPattern("analysis \\d+\\.\\d s, export \\d+\\.\\d s")
        .containsPattern("  1\\. .+\\n +0:\\d\\d\\.\\d – 0:\\d\\d\\.\\d \\(\\d+\\.\\d s\\), score ")
        .contains("files: clip-01-tiktok.mp4");
    // A stage as short as highlights may end before its first report is kept (reports are rate
    // limited); the long ones always show.
    assertThat(stderr()).contains("transcript: ").contains("render: ");
    assertThat(folder.resolve("clip-01-tiktok.mp4")).isNotEmptyFile();
    assertThat(folder.resolve("clip-01-tiktok.srt")).content().contains("Sentence number");
    assertThat(folder.resolve("clips.json")).content().contains("clip-01-tiktok.mp4");
    assertThat(folder.resolve(dev.reelforge.clips.ClipMaker.WORK_DIR)).doesNotExist();
  }

  private static String srtTime(long millis) {
    return String.format(
        java.util.Locale.ROOT,
        "00:%02d:%02d,%03d",
        millis / 60_000,
        millis / 1000 % 60,
        millis % 1000);
  }
}

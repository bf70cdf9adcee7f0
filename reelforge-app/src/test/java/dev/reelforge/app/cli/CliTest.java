package dev.reelforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.postgres.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
    assertThat(stderr()).contains("unknown command 'render-everything'").contains("usage:");
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
    assertThat(stderr()).contains("unknown preset 'imax'");
    assertThat(cli.run("make", "--idea", "moon", "--music", "sad")).isEqualTo(Cli.EXIT_USAGE);
    assertThat(stderr()).contains("--music must be auto, none or a mood: calm");
    assertThat(cli.run("make", "--text", dir.resolve("missing.txt").toString()))
        .isEqualTo(Cli.EXIT_USAGE);
    assertThat(stderr()).contains("no file at");
    assertThat(cli.run("make", "--idea", "moon", "--name", "../escape")).isEqualTo(Cli.EXIT_USAGE);
    assertThat(stderr()).contains("--name may use letters");
  }

  @Test
  void makeRefusesALinkIntoOurOwnNetworkWithoutFetchingIt(@TempDir Path dir) {
    String out = dir.toString();

    assertThat(cli.run("make", "--url", "http://127.0.0.1:9/admin", "--out", out)).isNotZero();
    assertThat(stderr()).contains("links must point to the public internet").contains("loopback");
    assertThat(cli.run("make", "--url", "http://169.254.169.254/latest/", "--out", out))
        .isNotZero();
    assertThat(stderr()).contains("link-local / cloud metadata");
    assertThat(cli.run("make", "--url", "file:///etc/passwd", "--out", out)).isNotZero();
    assertThat(stderr()).contains("only http and https links can be read");
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
}

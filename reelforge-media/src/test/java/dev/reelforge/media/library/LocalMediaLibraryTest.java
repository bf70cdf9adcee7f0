package dev.reelforge.media.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.visuals.Orientation;
import dev.reelforge.core.visuals.VisualCandidate;
import dev.reelforge.core.visuals.VisualKind;
import dev.reelforge.core.visuals.VisualQuery;
import dev.reelforge.core.visuals.VisualSource;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.probe.MediaProbe;
import dev.reelforge.media.testing.Fixtures;
import dev.reelforge.media.testing.MediaChecks;
import dev.reelforge.media.testing.TestFfmpeg;
import dev.reelforge.testkit.MutableClock;
import dev.reelforge.testkit.visuals.VisualSourceContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMediaLibraryTest extends VisualSourceContract {

  @TempDir static Path root;
  private static LocalMediaLibrary library;
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));

  @BeforeAll
  static void fillTheLibrary() throws IOException {
    FfmpegInstallation ffmpeg = TestFfmpeg.withProbe();
    Files.createDirectories(root.resolve("nature/ocean"));
    Files.createDirectories(root.resolve("city"));
    Fixtures.picture(root.resolve("nature/ocean/Sunset_over-the_SEA 4K.png"), 540, 960, 1);
    Fixtures.picture(root.resolve("city/IMG_2041.png"), 960, 540, 2);
    Files.writeString(
        root.resolve("city/IMG_2041.png.txt"),
        "tags: skyline, night, traffic\nauthor: Jane Doe\nlicence: CC-BY-4.0\n"
            + "url: https://example.com/skyline\n");
    MediaChecks.testVideo(ffmpeg, root.resolve("nature/ocean/waves crashing.mp4"), 360, 640, 2);
    Files.writeString(root.resolve("notes.md"), "not media");
    Files.writeString(root.resolve("city/broken.png"), "not a png");
    library =
        new LocalMediaLibrary(
            root,
            () -> Optional.of(new MediaProbe(ffmpeg, Duration.ofSeconds(30))),
            CLOCK,
            Duration.ofMinutes(1));
  }

  @Override
  protected VisualSource source() {
    return library;
  }

  @Override
  protected VisualQuery answerableQuery(EnumSet<VisualKind> kinds, int limit) {
    return new VisualQuery(List.of("ocean"), Orientation.PORTRAIT, kinds, 1000, limit, 1);
  }

  @Test
  void fileNamesFoldersAndSidecarsAreSearchable() {
    List<VisualCandidate> skyline =
        library.search(VisualQuery.of(List.of("skyline"), Orientation.LANDSCAPE, 0));
    assertThat(skyline).hasSize(1);
    VisualCandidate candidate = skyline.getFirst();
    assertThat(candidate.id()).isEqualTo(Path.of("city", "IMG_2041.png").toString());
    assertThat(candidate.licence().author()).isEqualTo("Jane Doe");
    assertThat(candidate.licence().licence()).isEqualTo("CC-BY-4.0");
    assertThat(candidate.licence().url()).isEqualTo("https://example.com/skyline");
    assertThat(candidate.width()).isEqualTo(960);

    List<VisualCandidate> sunsets =
        library.search(VisualQuery.of(List.of("sunsets", "sea"), Orientation.PORTRAIT, 0));
    assertThat(sunsets).extracting(VisualCandidate::id).first().asString().contains("Sunset");
    assertThat(sunsets.getFirst().licence().licence()).isEqualTo(Sidecar.DEFAULT_LICENCE);
    assertThat(library.search(VisualQuery.of(List.of("volcano"), Orientation.PORTRAIT, 0)))
        .isEmpty();
  }

  @Test
  void clipsCarryTheirProbedSizeAndDurationAndRankByShapeAndLength() {
    List<VisualCandidate> ocean =
        library.search(
            new VisualQuery(
                List.of("ocean"), Orientation.PORTRAIT, EnumSet.of(VisualKind.VIDEO), 1500, 5, 1));
    assertThat(ocean).hasSize(1);
    assertThat(ocean.getFirst().width()).isEqualTo(360);
    assertThat(ocean.getFirst().height()).isEqualTo(640);
    assertThat(ocean.getFirst().durationMillis()).isBetween(1900L, 2100L);
  }

  @Test
  void unreadableFilesAreReportedNotIndexed() {
    assertThat(library.skipped()).containsKey(root.resolve("city/broken.png"));
    assertThat(library.size()).isEqualTo(3);
  }

  @Test
  void newAndRemovedFilesAreNoticedAtTheNextRefresh(@TempDir Path other) throws IOException {
    LocalMediaLibrary fresh =
        new LocalMediaLibrary(other, Optional::empty, CLOCK, Duration.ofMinutes(1));
    assertThat(fresh.size()).isZero();
    Fixtures.picture(other.resolve("red-panda.png"), 300, 300, 4);
    assertThat(fresh.search(VisualQuery.of(List.of("panda"), Orientation.SQUARE, 0)))
        .as("not yet rescanned")
        .isEmpty();
    CLOCK.advance(Duration.ofMinutes(2));
    assertThat(fresh.search(VisualQuery.of(List.of("panda"), Orientation.SQUARE, 0))).hasSize(1);
    Files.delete(other.resolve("red-panda.png"));
    fresh.refresh();
    assertThat(fresh.size()).isZero();
  }

  @Test
  void withoutFfprobeClipsAreSkippedWithAReason(@TempDir Path other) throws IOException {
    Files.copy(root.resolve("nature/ocean/waves crashing.mp4"), other.resolve("waves.mp4"));
    LocalMediaLibrary noProbe =
        new LocalMediaLibrary(other, Optional::empty, CLOCK, Duration.ofMinutes(1));
    assertThat(noProbe.size()).isZero();
    assertThat(noProbe.skipped().values()).anySatisfy(r -> assertThat(r).contains("ffprobe"));
  }
}

package dev.reelforge.media.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.music.Mood;
import dev.reelforge.core.music.Music;
import dev.reelforge.core.music.MusicRequest;
import dev.reelforge.core.music.MusicSource;
import dev.reelforge.core.render.Cancellation;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.ffmpeg.FfmpegRun;
import dev.reelforge.media.testing.MediaChecks;
import dev.reelforge.media.testing.TestFfmpeg;
import dev.reelforge.testkit.MutableClock;
import dev.reelforge.testkit.music.MusicSourceContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMusicLibraryTest extends MusicSourceContract {

  @TempDir static Path root;
  private static FfmpegInstallation ffmpeg;
  private static LocalMusicLibrary library;
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));

  @BeforeAll
  static void fillTheFolder() throws IOException {
    ffmpeg = TestFfmpeg.withProbe();
    Files.createDirectories(root.resolve("uplifting"));
    Files.createDirectories(root.resolve("calm"));
    // A loud 4-second track (peaks near full scale) and a quiet one, both shorter than a video.
    tone(root.resolve("uplifting/sunrise_128bpm.flac"), 440, 0.95, 4);
    tone(root.resolve("calm/ocean drift.wav"), 220, 0.05, 3);
    Files.writeString(
        root.resolve("calm/ocean drift.txt"),
        "author: Jane Doe\nlicence: CC-BY-4.0\nurl: https://example.com/ocean\nbpm: 70\n");
    tone(root.resolve("track seven.wav"), 330, 0.3, 2);
    Files.writeString(root.resolve("calm/broken.mp3"), "not audio");
    library = new LocalMusicLibrary(root, () -> Optional.of(ffmpeg), CLOCK, Duration.ofMinutes(1));
  }

  private static void tone(Path file, int hz, double amplitude, int seconds) {
    FfmpegRun.within(ffmpeg, Cancellation.none(), Duration.ofMinutes(1))
        .run(
            "fixture",
            List.of(
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=" + hz + ":duration=" + seconds,
                "-af",
                "volume=" + amplitude * 8,
                "-ac",
                "2",
                file.toString()),
            null);
  }

  @Override
  protected MusicSource source() {
    return library;
  }

  @Test
  void moodsComeFromFoldersAndTempoAndCreditsFromNamesAndSidecars() {
    assertThat(library.size()).isEqualTo(3);
    assertThat(library.tracks())
        .extracting(t -> root.relativize(t.file()).toString(), MusicTrack::mood, MusicTrack::bpm)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("calm/ocean drift.wav", Optional.of(Mood.CALM), 70),
            org.assertj.core.groups.Tuple.tuple("track seven.wav", Optional.empty(), 0),
            org.assertj.core.groups.Tuple.tuple(
                "uplifting/sunrise_128bpm.flac", Optional.of(Mood.UPLIFTING), 128));
    assertThat(library.skipped())
        .containsOnlyKeys(root.resolve("calm/broken.mp3").toAbsolutePath());
  }

  @Test
  void aShortTrackIsLoopedToTheVideoLengthAndLevelledLikeComposedMusic(@TempDir Path out)
      throws Exception {
    Music music = library.compose(new MusicRequest(Mood.CALM, 10_000, 1), out.resolve("m.wav"));
    assertThat(music.durationMillis()).isBetween(9_980L, 10_020L);
    assertThat(music.licence().author()).isEqualTo("Jane Doe");
    assertThat(music.licence().licence()).isEqualTo("CC-BY-4.0");
    assertThat(music.licence().url()).isEqualTo("https://example.com/ocean");
    assertThat(music.bpm()).isEqualTo(70);
    // The 3-second quiet tone plays throughout (looped), raised towards -3 dBFS.
    double middle = MediaChecks.bandLevel(ffmpeg, music.audio(), 220, 6.0, 7.0);
    assertThat(middle).as("level of the looped tone at 6-7 s, dB").isGreaterThan(-20);
  }

  @Test
  void aMoodWithNoTaggedTrackUsesAnUntaggedOne(@TempDir Path out) {
    Music music = library.compose(new MusicRequest(Mood.TENSE, 3000, 5), out.resolve("t.wav"));
    assertThat(music.licence().source()).isEqualTo("library");
    assertThat(library.choose(new MusicRequest(Mood.TENSE, 3000, 5)).file().getFileName())
        .hasToString("track seven.wav");
  }

  @Test
  void aFolderWithNothingForTheMoodSaysWhatItHas(@TempDir Path other) throws IOException {
    Files.createDirectories(other.resolve("calm"));
    Files.copy(root.resolve("calm/ocean drift.wav"), other.resolve("calm/ocean.wav"));
    LocalMusicLibrary calmOnly =
        new LocalMusicLibrary(other, () -> Optional.of(ffmpeg), CLOCK, Duration.ofMinutes(1));
    assertThatThrownBy(
            () -> calmOnly.compose(new MusicRequest(Mood.TENSE, 3000, 1), other.resolve("x.wav")))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE))
        .hasMessageContaining("no track for the mood tense (it has: calm)");
  }

  @Test
  void withoutFfprobeTracksAreSkippedWithAReason(@TempDir Path other) throws IOException {
    Files.copy(root.resolve("track seven.wav"), other.resolve("seven.wav"));
    LocalMusicLibrary noProbe =
        new LocalMusicLibrary(other, Optional::empty, CLOCK, Duration.ofMinutes(1));
    assertThat(noProbe.size()).isZero();
    assertThat(noProbe.skipped().values()).anySatisfy(r -> assertThat(r).contains("ffprobe"));
  }
}

package dev.reelforge.providers.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.music.Mood;
import dev.reelforge.core.music.Music;
import dev.reelforge.core.music.MusicRequest;
import dev.reelforge.core.music.MusicSource;
import dev.reelforge.providers.tools.LocalTool;
import dev.reelforge.testkit.music.MusicSourceContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real FluidSynth; skipped, saying how to install it, where it is missing. */
class FluidSynthMusicTest extends MusicSourceContract {

  private static final FluidSynthMusic FLUIDSYNTH =
      new FluidSynthMusic(FluidSynthMusic.DEFAULT_SOUNDFONT);

  @BeforeAll
  static void fluidSynthIsInstalled() {
    assumeTrue(FLUIDSYNTH.missing().isEmpty(), FLUIDSYNTH.missing().orElse(""));
  }

  @Override
  protected MusicSource source() {
    return FLUIDSYNTH;
  }

  @Test
  void sameSeedSameMusicAndItCreditsTheSoundfont(@TempDir Path dir) throws Exception {
    MusicRequest request = new MusicRequest(Mood.TENSE, 4000, 7);
    Music first = FLUIDSYNTH.compose(request, dir.resolve("a.wav"));
    Music second = FLUIDSYNTH.compose(request, dir.resolve("b.wav"));
    assertThat(Files.readAllBytes(first.audio())).isEqualTo(Files.readAllBytes(second.audio()));
    assertThat(first.bpm()).isEqualTo(92);
    assertThat(first.licence().licence()).contains("MIT");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("a.wav", "b.wav");
    }
  }

  @Test
  void missingFluidSynthOrSoundfontSaysHowToInstallThem(@TempDir Path dir) {
    FluidSynthMusic noTool =
        new FluidSynthMusic(
            LocalTool.onPath("fluidsynth-not-here"), FluidSynthMusic.DEFAULT_SOUNDFONT);
    FluidSynthMusic noFont = new FluidSynthMusic(dir.resolve("none.sf2"));
    assertThat(noTool.missing()).hasValueSatisfying(m -> assertThat(m).contains("apt-get install"));
    assertThat(noFont.missing()).hasValueSatisfying(m -> assertThat(m).contains("none.sf2"));
    assertThatThrownBy(
            () -> noFont.compose(new MusicRequest(Mood.CALM, 2000, 1), dir.resolve("x.wav")))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
  }
}

package dev.reelforge.core.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.licence.MediaLicence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FallbackMusicTest {

  private static final MusicRequest REQUEST = new MusicRequest(Mood.CALM, 5000, 1);

  private static MusicSource failing(String name) {
    return new MusicSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Music compose(MusicRequest request, Path output) {
        throw new IllegalStateException(name + " has nothing");
      }
    };
  }

  private static MusicSource working(String name) {
    return new MusicSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Music compose(MusicRequest request, Path output) {
        return new Music(
            output, request.durationMillis(), request.mood(), 72, MediaLicence.generated(name));
      }
    };
  }

  @Test
  void theFirstSourceThatDeliversIsUsedAndEarlierFailuresAreReported() {
    List<String> reported = new ArrayList<>();
    FallbackMusic music =
        new FallbackMusic(
            List.of(failing("library"), working("procedural")),
            (source, e) -> reported.add(source.name() + ": " + e.getMessage()));
    assertThat(music.compose(REQUEST, Path.of("m.wav")).licence().source()).isEqualTo("procedural");
    assertThat(reported).containsExactly("library: library has nothing");
    assertThat(music.name()).isEqualTo("library+procedural");
  }

  @Test
  void whenEverySourceFailsTheFirstFailureCarriesTheOthers() {
    FallbackMusic music = new FallbackMusic(List.of(failing("a"), failing("b")), (s, e) -> {});
    assertThatThrownBy(() -> music.compose(REQUEST, Path.of("m.wav")))
        .hasMessage("a has nothing")
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
  }
}

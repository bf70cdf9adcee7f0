package dev.reelforge.providers.music;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.music.Music;
import dev.reelforge.core.music.MusicRequest;
import dev.reelforge.core.music.MusicSource;
import dev.reelforge.providers.tools.LocalTool;
import dev.reelforge.providers.tools.ScratchDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The same compositions as {@link ProceduralMusic}, played by real sampled instruments: the piece
 * is written as a MIDI file ({@link MidiScore}) and rendered by FluidSynth with a General MIDI
 * soundfont (Debian's {@code fluid-soundfont-gm}, FluidR3, MIT licence), then cut to the exact
 * length and mastered like the in-process music. Used when both are installed and it is selected.
 */
public final class FluidSynthMusic implements MusicSource {

  public static final String NAME = "fluidsynth";
  public static final Path DEFAULT_SOUNDFONT = Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2");
  public static final String INSTALL_HINT = "apt-get install fluidsynth fluid-soundfont-gm";

  private static final int RATE = 48_000;

  private final LocalTool fluidsynth;
  private final Path soundfont;

  public FluidSynthMusic(Path soundfont) {
    this(LocalTool.onPath("fluidsynth"), soundfont);
  }

  FluidSynthMusic(LocalTool fluidsynth, Path soundfont) {
    this.fluidsynth = fluidsynth;
    this.soundfont = soundfont;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Why this source cannot play, or empty when it can. */
  public Optional<String> missing() {
    if (!fluidsynth.installed()) {
      return Optional.of("fluidsynth is not installed (" + INSTALL_HINT + ")");
    }
    if (!Files.isReadable(soundfont)) {
      return Optional.of("the soundfont " + soundfont + " is missing (" + INSTALL_HINT + ")");
    }
    return Optional.empty();
  }

  @Override
  public Music compose(MusicRequest request, Path output) {
    missing()
        .ifPresent(
            why -> {
              throw new ReelForgeException(ErrorCode.SERVICE_UNAVAILABLE, why);
            });
    MusicStyle style = MusicStyle.of(request.mood());
    int samples = (int) Math.round(request.durationMillis() * RATE / 1000.0);
    Composition piece = Composition.of(style, request.seed(), samples / (double) RATE);
    try (ScratchDirectory work = ScratchDirectory.beside(output, "fluidsynth")) {
      Path midi = work.resolve("piece.mid");
      Path wav = work.resolve("piece.wav");
      MidiScore.write(piece, midi);
      fluidsynth.run(
          List.of(
              "-n",
              "-i",
              "-q",
              "-r",
              Integer.toString(RATE),
              "-g",
              "0.5",
              "-T",
              "wav",
              "-O",
              "s16",
              "-F",
              wav.toString(),
              soundfont.toString(),
              midi.toString()),
          Optional.empty(),
          Duration.ofSeconds(60 + request.durationMillis() / 4000));
      float[][] channels = Mastering.read(wav, samples);
      Mastering.master(channels, RATE);
      Mastering.write(channels, RATE, output);
    } catch (LocalTool.ToolFailure e) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR, "FluidSynth could not render the music: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Music(
        output,
        Math.round(samples * 1000.0 / RATE),
        request.mood(),
        style.bpm(),
        new MediaLicence(
            NAME,
            "ReelForge (composed); FluidR3 GM soundfont by Frank Wen",
            "composed for this video; soundfont MIT licence",
            ""));
  }
}

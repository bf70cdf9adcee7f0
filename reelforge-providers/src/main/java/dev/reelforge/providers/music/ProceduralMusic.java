package dev.reelforge.providers.music;

import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.music.Music;
import dev.reelforge.core.music.MusicRequest;
import dev.reelforge.core.music.MusicSource;
import java.nio.file.Path;

/**
 * The offline music: a piece composed for the mood (tempo, key, progression, layers from {@link
 * MusicStyle}) and synthesised in this process ({@link Synth}) to exactly the length asked, with a
 * fade in and out, peaks at −3 dBFS. Nobody else holds rights in it.
 */
public final class ProceduralMusic implements MusicSource {

  public static final String NAME = "procedural";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Music compose(MusicRequest request, Path output) {
    MusicStyle style = MusicStyle.of(request.mood());
    int samples = (int) Math.round(request.durationMillis() * Synth.RATE / 1000.0);
    Composition piece = Composition.of(style, request.seed(), samples / (double) Synth.RATE);
    float[][] channels = new Synth(style, request.seed(), samples).render(piece);
    Mastering.master(channels, Synth.RATE);
    Mastering.write(channels, Synth.RATE, output);
    return new Music(
        output,
        Math.round(samples * 1000.0 / Synth.RATE),
        request.mood(),
        style.bpm(),
        MediaLicence.generated(NAME));
  }
}

package dev.reelforge.core.music;

import java.nio.file.Path;

/**
 * Background music for a video: composed, or picked from a library, to a mood and a length.
 *
 * <p>Contract (checked by {@code MusicSourceContract} in the testkit): the result is a WAV file
 * exactly as long as asked (within 20 ms), audible, never clipping, and carries its licence.
 */
public interface MusicSource {

  /** The implementation's configuration name, e.g. {@code procedural}. */
  String name();

  Music compose(MusicRequest request, Path output);
}

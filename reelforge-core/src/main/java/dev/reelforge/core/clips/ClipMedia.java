package dev.reelforge.core.clips;

import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.vision.GrayFrame;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the clips feature asks of the media toolbox (FFmpeg): probing a long video, its speech
 * track, its scene changes, its loudness and its frames. Every call is bounded in time and stops
 * when cancelled.
 */
public interface ClipMedia {

  /**
   * Probes a file within a time limit.
   *
   * @throws dev.reelforge.core.error.ReelForgeException {@code INVALID_INPUT} naming what is wrong
   *     (not a video, no video stream, unreadable, probe too slow)
   */
  SourceProbe probe(Path file, Duration timeLimit);

  /** Writes the source's audio as 16 kHz mono 16-bit PCM WAV, what transcribers read. */
  void extractSpeech(Path video, Path wav, Cancellation cancellation);

  /**
   * The times of the source's scene changes (FFmpeg {@code scdet}), in order.
   *
   * @param threshold the scene score (0-100) above which a frame starts a new scene
   */
  List<Long> sceneCuts(Path video, double threshold, Cancellation cancellation);

  /** The loudness of the source's audio over time, one value per {@code stepMillis}. */
  LoudnessCurve loudness(Path video, long stepMillis, Cancellation cancellation);

  /**
   * Decodes frames between two times at a given rate, scaled to {@code width} pixels wide, as luma,
   * and hands them over in batches of at most {@code batchSize} (the last batch may be smaller).
   */
  void frames(
      Path video,
      long fromMillis,
      long toMillis,
      double fps,
      int width,
      int batchSize,
      Cancellation cancellation,
      Consumer<List<GrayFrame>> batches);
}

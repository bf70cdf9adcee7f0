package dev.reelforge.testkit.clips;

import dev.reelforge.core.vision.FaceBox;
import java.util.List;
import java.util.function.LongFunction;

/**
 * What a {@link TalkingHeadVideo} really shows, for tests to compare analyses with: where each face
 * is at any time, who speaks when, and where the scene cuts are.
 *
 * @param durationMillis the video's length
 * @param width the video's width in pixels
 * @param height the video's height in pixels
 * @param fps frames per second
 * @param sceneCuts the times of the first frames of new scenes, in order (exact frame times)
 * @param turns who holds the floor from when (speaker 0, or 0 and 1 for two faces)
 * @param speech when someone is actually speaking (the turns minus their pauses)
 * @param faces where the faces are at a time, left to right, as fractions of the frame
 */
public record TalkingHeadTruth(
    long durationMillis,
    int width,
    int height,
    int fps,
    List<Long> sceneCuts,
    List<Turn> turns,
    List<Speech> speech,
    LongFunction<List<FaceBox>> faces) {

  /** A speaker holds the floor from a time until the next turn. */
  public record Turn(long fromMillis, int speaker) {}

  /** A stretch of actual speech by one speaker. */
  public record Speech(long fromMillis, long toMillis, int speaker) {
    public boolean covers(long millis) {
      return millis >= fromMillis && millis < toMillis;
    }
  }

  public TalkingHeadTruth {
    sceneCuts = List.copyOf(sceneCuts);
    turns = List.copyOf(turns);
    speech = List.copyOf(speech);
  }

  /** The faces shown at a time (one box per face, left to right). */
  public List<FaceBox> facesAt(long millis) {
    return faces.apply(millis);
  }

  /** Whose turn it is at a time. */
  public int speakerAt(long millis) {
    int speaker = turns.getFirst().speaker();
    for (Turn turn : turns) {
      if (turn.fromMillis() <= millis) {
        speaker = turn.speaker();
      }
    }
    return speaker;
  }

  /** Whether someone is speaking (not pausing) at a time. */
  public boolean speakingAt(long millis) {
    return speech.stream().anyMatch(s -> s.covers(millis));
  }

  /** The time of frame {@code index}. */
  public long frameTime(long index) {
    return index * 1000 / fps;
  }
}

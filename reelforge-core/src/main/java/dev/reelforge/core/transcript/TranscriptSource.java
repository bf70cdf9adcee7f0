package dev.reelforge.core.transcript;

import java.util.Objects;

/**
 * Where a transcript came from, reported to the user with it.
 *
 * @param engine {@code provided-srt}, {@code provided-vtt}, or a transcriber's name ({@code
 *     sphinx4}, {@code pocketsphinx}, {@code openai-whisper}, {@code assemblyai})
 * @param version the engine's or model's version, e.g. {@code whisper-1}; empty when unknown
 * @param wordTimesEstimated true when word times were spread over a cue's time rather than heard (a
 *     provided SRT/VTT times cues, not words)
 */
public record TranscriptSource(String engine, String version, boolean wordTimesEstimated) {

  public TranscriptSource {
    Objects.requireNonNull(engine, "engine");
    version = Objects.requireNonNullElse(version, "");
  }
}

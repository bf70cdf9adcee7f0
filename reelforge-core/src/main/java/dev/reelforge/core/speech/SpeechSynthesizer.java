package dev.reelforge.core.speech;

import java.nio.file.Path;
import java.util.List;

/**
 * Turns text into narration and says when each word is spoken. Implementations are named by engine
 * ({@code MaryTtsSpeech}, {@code ElevenLabsSpeech}); the story pipeline uses whichever the provider
 * configuration picks.
 *
 * <p>Contract (checked by {@code SpeechSynthesizerContract} in the testkit for every
 * implementation): the audio is a WAV file at {@code output}; words come in spoken order, do not
 * overlap, and lie within the audio's duration; their texts, joined, are the normalised text's
 * words.
 */
public interface SpeechSynthesizer {

  /** The engine's name as configuration and the run manifest name it, e.g. {@code marytts}. */
  String name();

  /**
   * Synthesises {@code request} into a WAV file at {@code output}.
   *
   * @throws dev.reelforge.core.error.ReelForgeException {@code TTS_FAILED} (or a retryable
   *     external-API code for cloud engines) when no audio could be made
   */
  SynthesizedSpeech synthesize(SpeechRequest request, Path output);

  /**
   * The voices installed with this engine, for a person to pick from; empty when the engine cannot
   * say (a cloud engine takes its vendor's voice ids).
   */
  default List<Voice> voices() {
    return List.of();
  }
}

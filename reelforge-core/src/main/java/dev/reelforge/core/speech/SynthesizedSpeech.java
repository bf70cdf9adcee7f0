package dev.reelforge.core.speech;

import java.nio.file.Path;
import java.util.List;

/**
 * Narration as made by a {@link SpeechSynthesizer}.
 *
 * @param audio the WAV file
 * @param durationMillis the audio's length
 * @param words every spoken word with its time, in order
 * @param spokenText the normalised text that was actually synthesised
 * @param engine the engine (and voice) that made it, for the run manifest
 */
public record SynthesizedSpeech(
    Path audio, long durationMillis, List<WordTiming> words, String spokenText, String engine) {

  public SynthesizedSpeech {
    words = List.copyOf(words);
  }
}

package dev.reelforge.providers.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Files that local speech engines write into a scratch folder, moved into place. */
final class SpeechFiles {

  private SpeechFiles() {}

  /**
   * Moves the WAV file an engine wrote to {@code output} (atomically, so a reader never sees half a
   * file) and returns its length in milliseconds.
   *
   * @throws IllegalArgumentException when the engine wrote no readable WAV file
   */
  static long moveWav(Path wav, Path output) throws IOException {
    if (!Files.isRegularFile(wav) || Files.size(wav) <= 44) {
      throw new IllegalArgumentException("the engine wrote no audio");
    }
    long millis;
    try {
      AudioFileFormat format = AudioSystem.getAudioFileFormat(wav.toFile());
      millis = Math.round(format.getFrameLength() * 1000.0 / format.getFormat().getFrameRate());
    } catch (UnsupportedAudioFileException e) {
      throw new IllegalArgumentException("the engine's audio is not a WAV file", e);
    }
    Files.move(wav, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return millis;
  }
}

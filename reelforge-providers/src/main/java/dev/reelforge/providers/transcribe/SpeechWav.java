package dev.reelforge.providers.transcribe;

import dev.reelforge.core.error.ReelForgeException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * The audio every transcriber is given: a 16 kHz mono 16-bit little-endian PCM WAV file (what
 * {@code ClipMedia.extractSpeech} writes). Checked before an engine sees it, so that a wrong file
 * is the caller's error, not an engine's obscure failure.
 */
public final class SpeechWav {

  public static final int SAMPLE_RATE = 16_000;
  public static final int BYTES_PER_SECOND = SAMPLE_RATE * 2;

  /** One piece of a longer file and where it starts in it. */
  public record Piece(Path file, long offsetMillis, long durationMillis) {}

  private SpeechWav() {}

  /**
   * The samples after the header, checked to be 16 kHz mono 16-bit PCM.
   *
   * @throws ReelForgeException {@code INVALID_INPUT} on {@code audio} for any other file
   */
  public static AudioInputStream open(Path wav) {
    try {
      AudioInputStream in =
          AudioSystem.getAudioInputStream(new BufferedInputStream(Files.newInputStream(wav)));
      AudioFormat format = in.getFormat();
      if (format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED
          || format.getSampleRate() != SAMPLE_RATE
          || format.getChannels() != 1
          || format.getSampleSizeInBits() != 16
          || format.isBigEndian()) {
        in.close();
        throw ReelForgeException.invalidField(
            "audio", "must be 16 kHz mono 16-bit PCM WAV, was " + format);
      }
      return in;
    } catch (UnsupportedAudioFileException e) {
      throw ReelForgeException.invalidField("audio", "is not a WAV file: " + wav.getFileName());
    } catch (IOException e) {
      throw ReelForgeException.invalidField(
          "audio", "cannot be read: " + wav.getFileName() + " (" + e.getMessage() + ")");
    }
  }

  /** The file's length in milliseconds, from its header. */
  public static long durationMillis(Path wav) {
    try (AudioInputStream in = open(wav)) {
      return in.getFrameLength() * 1000 / SAMPLE_RATE;
    } catch (IOException e) {
      throw ReelForgeException.invalidField("audio", "cannot be read: " + e.getMessage());
    }
  }

  /**
   * Cuts {@code wav} into WAV pieces of at most {@code pieceMillis} each, written into {@code
   * folder}: for vendors that cap an upload's size. Cuts fall on sample boundaries; a word cut in
   * two is heard in halves, which is why pieces are long (minutes).
   */
  public static List<Piece> split(Path wav, long pieceMillis, Path folder) throws IOException {
    List<Piece> pieces = new ArrayList<>();
    try (AudioInputStream in = open(wav)) {
      AudioFormat format = in.getFormat();
      long framesPerPiece = pieceMillis * SAMPLE_RATE / 1000;
      long offsetFrames = 0;
      byte[] buffer = new byte[(int) Math.min(framesPerPiece * 2, Integer.MAX_VALUE - 8)];
      while (true) {
        int read = in.readNBytes(buffer, 0, buffer.length);
        if (read < 2) {
          break;
        }
        long frames = read / 2;
        Path piece = folder.resolve(String.format("piece-%04d.wav", pieces.size()));
        try (AudioInputStream part =
            new AudioInputStream(
                new java.io.ByteArrayInputStream(buffer, 0, read), format, frames)) {
          AudioSystem.write(part, AudioFileFormat.Type.WAVE, piece.toFile());
        }
        pieces.add(
            new Piece(piece, offsetFrames * 1000 / SAMPLE_RATE, frames * 1000 / SAMPLE_RATE));
        offsetFrames += frames;
        if (read < buffer.length) {
          break;
        }
      }
    }
    return pieces;
  }
}

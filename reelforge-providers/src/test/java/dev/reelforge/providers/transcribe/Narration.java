package dev.reelforge.providers.transcribe;

import dev.reelforge.core.speech.SpeechRequest;
import dev.reelforge.core.speech.SynthesizedSpeech;
import dev.reelforge.core.speech.WordTiming;
import dev.reelforge.providers.speech.MaryTtsSpeech;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Real speech to transcribe, made in the JVM by MaryTTS (always present, unlike Festival): each
 * sentence spoken, resampled to the 16 kHz mono 16-bit PCM every transcriber takes, with a pause of
 * {@code pauseMillis} between sentences. The voice's own word times come with it.
 */
record Narration(Path wav, long durationMillis, String text, List<WordTiming> words) {

  private static final MaryTtsSpeech MARY = new MaryTtsSpeech();
  static final AudioFormat SPEECH_FORMAT = new AudioFormat(16_000, 16, 1, true, false);

  static synchronized Narration say(Path dir, long pauseMillis, String... sentences) {
    try {
      ByteArrayOutputStream pcm = new ByteArrayOutputStream();
      List<WordTiming> words = new ArrayList<>();
      for (int i = 0; i < sentences.length; i++) {
        if (i > 0) {
          pcm.write(new byte[(int) (pauseMillis * 32)]);
        }
        long offset = pcm.size() / 32;
        Path spoken = dir.resolve("mary-" + i + ".wav");
        SynthesizedSpeech speech =
            MARY.synthesize(new SpeechRequest(sentences[i], Optional.empty(), 1.0, 0), spoken);
        for (WordTiming w : speech.words()) {
          words.add(new WordTiming(w.text(), w.startMillis() + offset, w.endMillis() + offset));
        }
        pcm.write(resampled(spoken));
        Files.delete(spoken);
      }
      Path wav = dir.resolve("narration.wav");
      write(dithered(pcm.toByteArray()), wav);
      return new Narration(wav, pcm.size() / 32, String.join(" ", sentences), words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The samples with a faint noise floor added, as every microphone has: digital silence (all
   * zeros) is not what a recogniser meets, and Sphinx4's front end mistakes it for speech.
   */
  static byte[] dithered(byte[] pcm) {
    java.util.Random noise = new java.util.Random(28);
    byte[] out = new byte[pcm.length];
    for (int i = 0; i + 1 < pcm.length; i += 2) {
      int sample = (short) ((pcm[i + 1] << 8) | (pcm[i] & 0xFF));
      int value = Math.clamp(sample + noise.nextInt(-24, 25), Short.MIN_VALUE, Short.MAX_VALUE);
      out[i] = (byte) value;
      out[i + 1] = (byte) (value >> 8);
    }
    return out;
  }

  static void write(byte[] pcm16k, Path wav) throws IOException {
    try (AudioInputStream in =
        new AudioInputStream(new ByteArrayInputStream(pcm16k), SPEECH_FORMAT, pcm16k.length / 2)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav.toFile());
    }
  }

  /** Any mono 16-bit WAV as 16 kHz little-endian samples, by linear interpolation. */
  static byte[] resampled(Path wav) throws IOException {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
      float rate = in.getFormat().getSampleRate();
      boolean bigEndian = in.getFormat().isBigEndian();
      byte[] bytes = in.readAllBytes();
      int frames = bytes.length / 2;
      short[] samples = new short[frames];
      for (int i = 0; i < frames; i++) {
        int lo = bytes[2 * i + (bigEndian ? 1 : 0)] & 0xFF;
        int hi = bytes[2 * i + (bigEndian ? 0 : 1)];
        samples[i] = (short) ((hi << 8) | lo);
      }
      int outFrames = (int) ((long) frames * 16_000 / rate);
      byte[] out = new byte[outFrames * 2];
      for (int i = 0; i < outFrames; i++) {
        double at = i * rate / 16_000.0;
        int index = (int) at;
        double fraction = at - index;
        int a = samples[Math.min(index, frames - 1)];
        int b = samples[Math.min(index + 1, frames - 1)];
        int value = (int) Math.round(a + (b - a) * fraction);
        out[2 * i] = (byte) value;
        out[2 * i + 1] = (byte) (value >> 8);
      }
      return out;
    } catch (UnsupportedAudioFileException e) {
      throw new IOException(e);
    }
  }
}

package dev.reelforge.providers.stub;

import dev.reelforge.core.speech.SpeechRequest;
import dev.reelforge.core.speech.SynthesizedSpeech;
import dev.reelforge.core.speech.WordTiming;
import dev.reelforge.providers.speech.MaryTtsSpeech;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Real speech for stub servers: MaryTTS says the requested text, and the samples are resampled to
 * the 24 kHz 16-bit PCM that OpenAI and ElevenLabs return, so that adapters are tested on audio
 * with real pauses and known word times.
 */
public record SpokenAudio(byte[] pcm24k, List<WordTiming> words) {

  private static final MaryTtsSpeech MARY = new MaryTtsSpeech();

  public static synchronized SpokenAudio say(String text, double rate) {
    try {
      Path wav = Files.createTempFile("stub-voice-", ".wav");
      try {
        SynthesizedSpeech speech =
            MARY.synthesize(new SpeechRequest(text, Optional.empty(), rate, 0), wav);
        return new SpokenAudio(resample(wav), speech.words());
      } finally {
        Files.deleteIfExists(wav);
      }
    } catch (IOException | javax.sound.sampled.UnsupportedAudioFileException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }

  private static byte[] resample(Path wav)
      throws IOException, javax.sound.sampled.UnsupportedAudioFileException {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
      float rate = in.getFormat().getSampleRate();
      byte[] bytes = in.readAllBytes();
      boolean bigEndian = in.getFormat().isBigEndian();
      int frames = bytes.length / 2;
      short[] samples = new short[frames];
      for (int i = 0; i < frames; i++) {
        int lo = bytes[2 * i + (bigEndian ? 1 : 0)] & 0xFF;
        int hi = bytes[2 * i + (bigEndian ? 0 : 1)];
        samples[i] = (short) ((hi << 8) | lo);
      }
      int outFrames = (int) ((long) frames * 24_000 / rate);
      ByteArrayOutputStream out = new ByteArrayOutputStream(outFrames * 2);
      for (int i = 0; i < outFrames; i++) {
        double at = i * rate / 24_000.0;
        int index = (int) at;
        double fraction = at - index;
        int a = samples[Math.min(index, frames - 1)];
        int b = samples[Math.min(index + 1, frames - 1)];
        int value = (int) Math.round(a + (b - a) * fraction);
        out.write(value & 0xFF);
        out.write((value >> 8) & 0xFF);
      }
      return out.toByteArray();
    }
  }
}

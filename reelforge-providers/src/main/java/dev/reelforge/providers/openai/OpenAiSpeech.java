package dev.reelforge.providers.openai;

import dev.reelforge.core.cost.Prices;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.speech.SpeechRequest;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.core.speech.SynthesizedSpeech;
import dev.reelforge.core.speech.TextNormalizer;
import dev.reelforge.core.speech.WordTiming;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.http.JsonApiClient;
import dev.reelforge.providers.http.ProviderResponse;
import dev.reelforge.providers.speech.PcmWav;
import dev.reelforge.providers.speech.TextChunks;
import dev.reelforge.providers.speech.VoicedTimings;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's speech endpoint ({@code POST /audio/speech}) and compatible servers. Audio is asked for
 * as raw 24 kHz PCM; the API returns no timings, so words are timed from the audio's voiced regions
 * ({@link VoicedTimings}). Pitch is not supported by the API and is ignored.
 */
public final class OpenAiSpeech implements SpeechSynthesizer {

  public static final String NAME = OpenAiFactory.NAME;

  /** The API's PCM format: 24 kHz, 16-bit, mono, little-endian. */
  static final int SAMPLE_RATE = 24_000;

  private final JsonApiClient api;
  private final String model;
  private final String defaultVoice;

  /**
   * @param model e.g. {@code gpt-4o-mini-tts}, {@code tts-1}
   * @param defaultVoice the voice when the request names none, e.g. {@code alloy}
   */
  OpenAiSpeech(JsonApiClient api, String model, String defaultVoice) {
    this.api = api;
    this.model = model;
    this.defaultVoice = defaultVoice;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SynthesizedSpeech synthesize(SpeechRequest request, Path output) {
    String spoken = TextNormalizer.normalize(request.text());
    String voice = request.voice().orElse(defaultVoice);
    ByteArrayOutputStream pcm = new ByteArrayOutputStream();
    for (String chunk : TextChunks.split(spoken, TextChunks.MAX_CHARS_PER_REQUEST)) {
      ObjectNode body = Json.object();
      body.put("model", model);
      body.put("input", chunk);
      body.put("voice", voice);
      body.put("response_format", "pcm");
      body.put("speed", request.rate());
      ProviderResponse response = api.post("/audio/speech", body);
      if (response.body().length < 2) {
        throw new ReelForgeException(ErrorCode.TTS_FAILED, "OpenAI returned no audio");
      }
      pcm.writeBytes(response.body());
      api.meter(
          "speech",
          model,
          chunk.length(),
          "characters",
          Prices.perThousand(chunk.length(), Prices.OPENAI_SPEECH_PER_1K_CHARS),
          response);
    }
    byte[] audio = pcm.toByteArray();
    long durationMillis = PcmWav.write(audio, SAMPLE_RATE, output);
    List<String> words = Arrays.stream(spoken.split("\\s+")).filter(w -> !w.isEmpty()).toList();
    List<WordTiming> timings = VoicedTimings.estimate(audio, SAMPLE_RATE, words);
    return new SynthesizedSpeech(
        output, durationMillis, timings, spoken, NAME + "/" + model + "/" + voice);
  }
}

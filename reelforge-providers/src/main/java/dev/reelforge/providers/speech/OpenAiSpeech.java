package dev.reelforge.providers.speech;

import dev.reelforge.core.cost.Prices;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.speech.SpeechRequest;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.core.speech.SynthesizedSpeech;
import dev.reelforge.core.speech.TextNormalizer;
import dev.reelforge.core.speech.WordTiming;
import dev.reelforge.providers.http.Endpoint;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.http.Meter;
import dev.reelforge.providers.http.ProviderHttp;
import dev.reelforge.providers.http.ProviderResponse;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
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

  public static final String NAME = "openai";

  /** The API's PCM format: 24 kHz, 16-bit, mono, little-endian. */
  static final int SAMPLE_RATE = 24_000;

  /**
   * @param model e.g. {@code gpt-4o-mini-tts}, {@code tts-1}
   * @param voice the default voice, e.g. {@code alloy}
   */
  public record Options(String model, String voice) {}

  private final Endpoint endpoint;
  private final Options options;
  private final ProviderHttp http;
  private final Meter meter;

  public OpenAiSpeech(Endpoint endpoint, Options options, ProviderHttp http, Meter meter) {
    this.endpoint = endpoint;
    this.options = options;
    this.http = http;
    this.meter = meter;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SynthesizedSpeech synthesize(SpeechRequest request, Path output) {
    String spoken = TextNormalizer.normalize(request.text());
    String voice = request.voice().orElse(options.voice());
    ByteArrayOutputStream pcm = new ByteArrayOutputStream();
    for (String chunk : TextChunks.split(spoken, TextChunks.MAX_CHARS_PER_REQUEST)) {
      ObjectNode body = Json.object();
      body.put("model", options.model());
      body.put("input", chunk);
      body.put("voice", voice);
      body.put("response_format", "pcm");
      body.put("speed", request.rate());
      ProviderResponse response =
          http.send(
              HttpRequest.newBuilder(endpoint.uri("/audio/speech"))
                  .header("Authorization", "Bearer " + endpoint.apiKey())
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                  .build());
      if (response.body().length < 2) {
        throw new ReelForgeException(ErrorCode.TTS_FAILED, "OpenAI returned no audio");
      }
      pcm.writeBytes(response.body());
      meter.record(
          "speech",
          options.model(),
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
        output, durationMillis, timings, spoken, NAME + "/" + options.model() + "/" + voice);
  }
}

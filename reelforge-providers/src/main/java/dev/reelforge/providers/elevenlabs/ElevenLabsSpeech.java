package dev.reelforge.providers.elevenlabs;

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
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ElevenLabs text-to-speech with timestamps ({@code POST
 * /v1/text-to-speech/{voice_id}/with-timestamps?output_format=pcm_24000}): the audio comes back as
 * base64 PCM with a per-character alignment, which {@link CharacterAlignment} turns into exact word
 * timings. The speaking rate goes into {@code voice_settings.speed}, which ElevenLabs accepts from
 * 0.7 to 1.2 (rates outside are clamped); pitch is not supported and is ignored.
 */
public final class ElevenLabsSpeech implements SpeechSynthesizer {

  public static final String NAME = ElevenLabsFactory.NAME;

  static final int SAMPLE_RATE = 24_000;

  private final JsonApiClient api;
  private final String model;
  private final String defaultVoiceId;

  /**
   * @param model e.g. {@code eleven_multilingual_v2}
   * @param defaultVoiceId the voice when the request names none
   */
  ElevenLabsSpeech(JsonApiClient api, String model, String defaultVoiceId) {
    this.api = api;
    this.model = model;
    this.defaultVoiceId = defaultVoiceId;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SynthesizedSpeech synthesize(SpeechRequest request, Path output) {
    String spoken = TextNormalizer.normalize(request.text());
    String voice = request.voice().orElse(defaultVoiceId);
    ByteArrayOutputStream pcm = new ByteArrayOutputStream();
    List<WordTiming> words = new ArrayList<>();
    for (String chunk : TextChunks.split(spoken, TextChunks.MAX_CHARS_PER_REQUEST)) {
      long offsetMillis = Math.round(pcm.size() / 2 * 1000.0 / SAMPLE_RATE);
      JsonNode answer = api.json(call(chunk, voice, request.rate()));
      byte[] audio;
      try {
        audio = Base64.getDecoder().decode(answer.path("audio_base64").asString(""));
      } catch (IllegalArgumentException e) {
        throw new ReelForgeException(ErrorCode.TTS_FAILED, "ElevenLabs sent unreadable audio", e);
      }
      if (audio.length < 2) {
        throw new ReelForgeException(ErrorCode.TTS_FAILED, "ElevenLabs returned no audio");
      }
      pcm.writeBytes(audio);
      for (WordTiming word : alignment(answer.path("alignment"))) {
        words.add(
            new WordTiming(
                word.text(), word.startMillis() + offsetMillis, word.endMillis() + offsetMillis));
      }
    }
    long durationMillis = PcmWav.write(pcm.toByteArray(), SAMPLE_RATE, output);
    List<WordTiming> inside = new ArrayList<>();
    for (WordTiming word : words) {
      long start = Math.min(word.startMillis(), durationMillis - 1);
      inside.add(
          new WordTiming(
              word.text(), start, Math.max(start + 1, Math.min(word.endMillis(), durationMillis))));
    }
    return new SynthesizedSpeech(
        output, durationMillis, inside, spoken, NAME + "/" + model + "/" + voice);
  }

  private ProviderResponse call(String text, String voice, double rate) {
    ObjectNode body = Json.object();
    body.put("text", text);
    body.put("model_id", model);
    ObjectNode settings = body.putObject("voice_settings");
    settings.put("stability", 0.5);
    settings.put("similarity_boost", 0.75);
    settings.put("speed", Math.max(0.7, Math.min(1.2, rate)));
    ProviderResponse response =
        api.post(
            "/v1/text-to-speech/"
                + URLEncoder.encode(voice, StandardCharsets.UTF_8)
                + "/with-timestamps?output_format=pcm_24000",
            body);
    api.meter(
        "speech",
        model,
        text.length(),
        "characters",
        Prices.perThousand(text.length(), Prices.ELEVENLABS_PER_1K_CHARS),
        response);
    return response;
  }

  private static List<WordTiming> alignment(JsonNode alignment) {
    List<String> characters = new ArrayList<>();
    alignment.path("characters").forEach(c -> characters.add(c.asString("")));
    double[] starts = doubles(alignment.path("character_start_times_seconds"));
    double[] ends = doubles(alignment.path("character_end_times_seconds"));
    try {
      return CharacterAlignment.words(characters, starts, ends);
    } catch (IllegalArgumentException e) {
      throw new ReelForgeException(
          ErrorCode.TTS_FAILED, "ElevenLabs sent an inconsistent alignment: " + e.getMessage(), e);
    }
  }

  private static double[] doubles(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.path(i).asDouble(0);
    }
    return values;
  }
}

package dev.reelforge.providers.stub;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.reelforge.core.speech.WordTiming;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers speech requests the way the providers document them, with real audio of the requested
 * text: OpenAI's {@code /audio/speech} with raw PCM, ElevenLabs' {@code /with-timestamps} with
 * base64 PCM and a character alignment (each word's characters spread over its span).
 */
public final class SpeechStub implements ResponseDefinitionTransformerV2 {

  public static final String NAME = "spoken-audio";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    JsonNode body = JSON.readTree(serveEvent.getRequest().getBodyAsString());
    if (body.has("input")) {
      SpokenAudio audio =
          SpokenAudio.say(body.path("input").asString(), body.path("speed").asDouble(1));
      return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
          .withHeader("Content-Type", "audio/pcm")
          .withBody(audio.pcm24k())
          .build();
    }
    String text = body.path("text").asString();
    SpokenAudio audio =
        SpokenAudio.say(text, body.path("voice_settings").path("speed").asDouble(1));
    ObjectNode answer = JSON.createObjectNode();
    answer.put("audio_base64", Base64.getEncoder().encodeToString(audio.pcm24k()));
    ObjectNode alignment = answer.putObject("alignment");
    ArrayNode characters = alignment.putArray("characters");
    ArrayNode starts = alignment.putArray("character_start_times_seconds");
    ArrayNode ends = alignment.putArray("character_end_times_seconds");
    String[] words = text.split(" ");
    for (int w = 0; w < words.length; w++) {
      WordTiming timing = audio.words().get(Math.min(w, audio.words().size() - 1));
      double span = (timing.endMillis() - timing.startMillis()) / 1000.0 / words[w].length();
      for (int c = 0; c < words[w].length(); c++) {
        characters.add(String.valueOf(words[w].charAt(c)));
        starts.add(timing.startMillis() / 1000.0 + c * span);
        ends.add(timing.startMillis() / 1000.0 + (c + 1) * span);
      }
      if (w < words.length - 1) {
        characters.add(" ");
        starts.add(timing.endMillis() / 1000.0);
        ends.add(timing.endMillis() / 1000.0);
      }
    }
    answer.set("normalized_alignment", alignment.deepCopy());
    return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
        .withHeader("Content-Type", "application/json")
        .withBody(JSON.writeValueAsString(answer))
        .build();
  }
}

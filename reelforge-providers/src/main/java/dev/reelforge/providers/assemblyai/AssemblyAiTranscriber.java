package dev.reelforge.providers.assemblyai;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.transcript.Transcriber;
import dev.reelforge.core.transcript.Transcript;
import dev.reelforge.core.transcript.TranscriptSource;
import dev.reelforge.core.transcript.TranscriptWord;
import dev.reelforge.core.transcript.TranscriptionRequest;
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.http.JsonApiClient;
import dev.reelforge.providers.http.ProviderResponse;
import dev.reelforge.providers.http.Sleeper;
import dev.reelforge.providers.transcribe.SpeechWav;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * AssemblyAI's pre-recorded transcription: {@code POST /v2/upload} with the WAV's bytes (answered
 * with an {@code upload_url} only AssemblyAI can read), {@code POST /v2/transcript} with that URL
 * and the language, then {@code GET /v2/transcript/{id}} every {@link
 * AssemblyAiOptions#pollEvery()} until it is {@code completed} (words with {@code start}/{@code
 * end} in milliseconds and a {@code confidence}, punctuated) or {@code error}, within {@link
 * AssemblyAiOptions#deadline()}.
 */
public final class AssemblyAiTranscriber implements Transcriber {

  /** The list price of the Universal model, $0.15 an hour, per second: an estimate. */
  static final BigDecimal USD_PER_SECOND = new BigDecimal("0.0000417");

  private final JsonApiClient api;
  private final AssemblyAiOptions options;
  private final Clock clock;
  private final Sleeper sleeper;

  AssemblyAiTranscriber(
      JsonApiClient api, AssemblyAiOptions options, Clock clock, Sleeper sleeper) {
    this.api = api;
    this.options = options;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public String name() {
    return AssemblyAiFactory.NAME;
  }

  @Override
  public String version() {
    return "best";
  }

  @Override
  public Transcript transcribe(TranscriptionRequest request, TranscriptionProgress progress) {
    long durationMillis = SpeechWav.durationMillis(request.audio());
    String uploadUrl = upload(request);
    ObjectNode submission = Json.object();
    submission.put("audio_url", uploadUrl);
    submission.put("language_code", languageCode(request.language()));
    JsonNode transcript = api.json(api.post("/v2/transcript", submission));
    String id = transcript.path("id").asString("");
    if (id.isEmpty()) {
      throw malformed("the transcript has no id");
    }
    Instant deadline = clock.instant().plus(options.deadline());
    ProviderResponse response;
    while (true) {
      response = api.get("/v2/transcript/" + id);
      transcript = api.json(response);
      String status = transcript.path("status").asString("");
      if (status.equals("completed")) {
        break;
      }
      if (status.equals("error")) {
        throw new ReelForgeException(
            ErrorCode.EXTERNAL_API_ERROR,
            "assemblyai could not transcribe: " + transcript.path("error").asString("no reason"),
            false,
            List.of(),
            null);
      }
      if (!clock.instant().isBefore(deadline)) {
        throw new ReelForgeException(
            ErrorCode.EXTERNAL_API_TIMEOUT,
            "assemblyai did not finish transcript " + id + " within " + options.deadline(),
            true,
            List.of(),
            null);
      }
      sleep();
    }
    long seconds = transcript.path("audio_duration").asLong(durationMillis / 1000);
    api.meter(
        "transcription",
        "best",
        seconds,
        "seconds",
        USD_PER_SECOND.multiply(BigDecimal.valueOf(seconds)),
        response);
    progress.reached(durationMillis);
    return new Transcript(
        words(transcript), request.language(), new TranscriptSource(name(), version(), false));
  }

  private String upload(TranscriptionRequest request) {
    try {
      ProviderResponse uploaded =
          api.send(
              HttpRequest.newBuilder(api.endpoint().uri("/v2/upload"))
                  .header("Content-Type", "application/octet-stream")
                  .POST(HttpRequest.BodyPublishers.ofFile(request.audio())));
      String url = api.json(uploaded).path("upload_url").asString("");
      if (url.isEmpty()) {
        throw malformed("the upload answer has no upload_url");
      }
      return url;
    } catch (FileNotFoundException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** BCP 47 to AssemblyAI's codes: {@code en-US} → {@code en_us}, {@code en-GB} → {@code en_uk}. */
  static String languageCode(String language) {
    String code = language.toLowerCase(Locale.ROOT).replace('-', '_');
    return switch (code) {
      case "en_us", "en_au", "en_uk", "en" -> code;
      case "en_gb" -> "en_uk";
      default -> code.split("_")[0];
    };
  }

  static List<TranscriptWord> words(JsonNode transcript) {
    List<TranscriptWord> words = new ArrayList<>();
    long previousStart = 0;
    for (JsonNode word : transcript.path("words")) {
      String text = word.path("text").asString("").strip();
      if (text.isEmpty()) {
        continue;
      }
      long start = Math.max(previousStart, word.path("start").asLong());
      long end = Math.max(start, word.path("end").asLong());
      double confidence = Math.clamp(word.path("confidence").asDouble(1.0), 0.0, 1.0);
      words.add(new TranscriptWord(text, start, end, confidence));
      previousStart = start;
    }
    return words;
  }

  private void sleep() {
    try {
      sleeper.sleep(options.pollEvery());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReelForgeException(
          ErrorCode.SERVICE_UNAVAILABLE, "interrupted while waiting for assemblyai");
    }
  }

  private static ReelForgeException malformed(String what) {
    return new ReelForgeException(
        ErrorCode.EXTERNAL_API_ERROR,
        "assemblyai answered unexpectedly: " + what,
        true,
        List.of(),
        null);
  }
}

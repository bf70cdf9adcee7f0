package dev.reelforge.providers.openai;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.transcript.Transcriber;
import dev.reelforge.core.transcript.Transcript;
import dev.reelforge.core.transcript.TranscriptSource;
import dev.reelforge.core.transcript.TranscriptWord;
import dev.reelforge.core.transcript.TranscriptionRequest;
import dev.reelforge.providers.http.JsonApiClient;
import dev.reelforge.providers.http.Multipart;
import dev.reelforge.providers.http.ProviderRejection;
import dev.reelforge.providers.http.ProviderResponse;
import dev.reelforge.providers.tools.ScratchDirectory;
import dev.reelforge.providers.transcribe.SpeechWav;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * OpenAI's Whisper through {@code POST /audio/transcriptions}: the WAV as a multipart form with
 * {@code model=whisper-1}, {@code response_format=verbose_json} and {@code
 * timestamp_granularities[]=word}. An upload is capped at 25 MB (about 13 minutes of the 16 kHz
 * WAV); longer audio is cut into pieces of {@link OpenAiTranscriptionOptions#pieceDuration()}, each
 * heard on its own, and each piece's word times moved by where the piece starts. A word cut by a
 * piece's edge may be heard in halves or not at all — the price of the cap, kept small by long
 * pieces. Whisper gives no confidence per word: each is reported as 1.
 */
public final class OpenAiTranscriber implements Transcriber {

  /** The engine name reported with the transcript. */
  public static final String NAME = "openai-whisper";

  /** $0.006 a minute. */
  static final BigDecimal USD_PER_SECOND = new BigDecimal("0.0001");

  private final JsonApiClient api;
  private final OpenAiTranscriptionOptions options;

  OpenAiTranscriber(JsonApiClient api, OpenAiTranscriptionOptions options) {
    this.api = api;
    this.options = options;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return options.model();
  }

  @Override
  public Transcript transcribe(TranscriptionRequest request, TranscriptionProgress progress) {
    long durationMillis = SpeechWav.durationMillis(request.audio());
    String language = request.language().split("[-_]")[0].toLowerCase(Locale.ROOT);
    List<TranscriptWord> words = new ArrayList<>();
    try {
      if (Files.size(request.audio()) + 1024 <= options.maxUploadBytes()) {
        words.addAll(hear(request.audio(), 0, language));
      } else {
        try (ScratchDirectory scratch = ScratchDirectory.beside(request.audio(), "whisper")) {
          Files.createDirectories(scratch.resolve("pieces"));
          for (SpeechWav.Piece piece :
              SpeechWav.split(
                  request.audio(), options.pieceDuration().toMillis(), scratch.resolve("pieces"))) {
            words.addAll(hear(piece.file(), piece.offsetMillis(), language));
            progress.reached(piece.offsetMillis() + piece.durationMillis());
            Files.delete(piece.file());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    progress.reached(durationMillis);
    return new Transcript(
        words, request.language(), new TranscriptSource(NAME, options.model(), false));
  }

  /** One upload: the words of {@code wav}, moved by {@code offsetMillis}. */
  private List<TranscriptWord> hear(Path wav, long offsetMillis, String language)
      throws IOException {
    Multipart form =
        new Multipart()
            .file("file", "audio.wav", "audio/wav", Files.readAllBytes(wav))
            .field("model", options.model())
            .field("response_format", "verbose_json")
            .field("timestamp_granularities[]", "word")
            .field("language", language);
    ProviderResponse response;
    try {
      response =
          api.send(
              HttpRequest.newBuilder(api.endpoint().uri("/audio/transcriptions"))
                  .header("Content-Type", form.contentType())
                  .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
    } catch (ProviderRejection e) {
      if (e.status() == 413) {
        throw new ReelForgeException(
            ErrorCode.EXTERNAL_API_ERROR,
            api.provider()
                + " refused a piece of audio as too large; lower "
                + OpenAiTranscriptionOptions.SETTINGS
                + ".piece-duration or .max-upload-bytes: "
                + e.providerMessage(),
            false,
            List.of(),
            e);
      }
      throw e;
    }
    JsonNode answer = api.json(response);
    long seconds = Math.round(answer.path("duration").asDouble(0));
    api.meter(
        "transcription",
        options.model(),
        seconds,
        "seconds",
        USD_PER_SECOND.multiply(BigDecimal.valueOf(seconds)),
        response);
    return words(answer, offsetMillis);
  }

  static List<TranscriptWord> words(JsonNode answer, long offsetMillis) {
    JsonNode timed = answer.path("words");
    if (!timed.isArray()) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR,
          "the transcription answer has no word times (is the model whisper-1?)",
          false,
          List.of(),
          null);
    }
    List<String> bare = new ArrayList<>();
    for (JsonNode word : timed) {
      bare.add(word.path("word").asString(""));
    }
    List<String> written = WrittenWords.spell(bare, answer.path("text").asString(""));
    List<TranscriptWord> words = new ArrayList<>();
    long previousStart = offsetMillis;
    for (int i = 0; i < written.size(); i++) {
      if (written.get(i).isBlank()) {
        continue;
      }
      JsonNode word = timed.get(i);
      long start =
          Math.max(previousStart, offsetMillis + Math.round(word.path("start").asDouble() * 1000));
      long end = Math.max(start, offsetMillis + Math.round(word.path("end").asDouble() * 1000));
      words.add(new TranscriptWord(written.get(i), start, end, 1.0));
      previousStart = start;
    }
    return words;
  }
}

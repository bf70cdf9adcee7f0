package dev.reelforge.testkit.transcribe.stub;

import dev.reelforge.testkit.stub.StubHttpServer;
import dev.reelforge.testkit.stub.StubHttpServer.Reply;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import dev.reelforge.testkit.transcribe.ToneSpeech;
import dev.reelforge.testkit.transcribe.ToneSpeech.Word;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's {@code POST /v1/audio/transcriptions} as its API reference describes it, on a loopback
 * server: {@code Authorization: Bearer KEY} (401 {@code invalid_api_key} otherwise), a {@code
 * multipart/form-data} body with {@code file} and {@code model}, the 25 MB cap on a request (413,
 * as OpenAI's edge answers), {@code timestamp_granularities[]} accepted with {@code
 * response_format=verbose_json} only and word times with {@code whisper-1} only (400 otherwise,
 * OpenAI's error envelope). The audio is heard by {@link ToneSpeech}: the answer's words and times
 * come from the file that was sent. {@code words[].word} carries no punctuation; the {@code text}
 * and the segments do, as Whisper writes them.
 */
public final class WhisperStub implements AutoCloseable {

  /** OpenAI's documented cap on an upload: 25 MB. */
  public static final long UPLOAD_LIMIT = 26_214_400;

  private static final List<String> MODELS =
      List.of("whisper-1", "gpt-4o-transcribe", "gpt-4o-mini-transcribe");

  private enum Fault {
    RATE_LIMITED,
    SERVER_ERROR
  }

  private final StubHttpServer server = new StubHttpServer();
  private final String apiKey;
  private final Faults<Fault> faults = new Faults<>();
  private final List<Integer> uploads = new CopyOnWriteArrayList<>();
  private volatile long uploadLimit = UPLOAD_LIMIT;

  public WhisperStub(String apiKey) {
    this.apiKey = apiKey;
    server.route("POST", "/v1/audio/transcriptions", this::transcribe);
  }

  /** The base URL an OpenAI client is given ({@code …/v1}). */
  public String baseUrl() {
    return server.baseUrl() + "/v1";
  }

  public StubHttpServer server() {
    return server;
  }

  /** The size of every request body accepted, in order. */
  public List<Integer> uploads() {
    return List.copyOf(uploads);
  }

  /** A lower cap than OpenAI's, so that tests need not send 25 MB to meet it. */
  public WhisperStub uploadLimit(long bytes) {
    this.uploadLimit = bytes;
    return this;
  }

  /** The next {@code n} requests get 429 with {@code Retry-After: 1}. */
  public WhisperStub rateLimitNext(int n) {
    faults.add(Fault.RATE_LIMITED, n);
    return this;
  }

  /** The next {@code n} requests get a 500. */
  public WhisperStub failNext(int n) {
    faults.add(Fault.SERVER_ERROR, n);
    return this;
  }

  private Reply transcribe(Request request) {
    String authorization = request.header("Authorization");
    if (authorization == null || !authorization.equals("Bearer " + apiKey)) {
      return error(
          401,
          "Incorrect API key provided. You can find your API key at"
              + " https://platform.openai.com/account/api-keys.",
          "invalid_request_error",
          "invalid_api_key");
    }
    if (request.body().length > uploadLimit) {
      return error(
          413,
          "Maximum content size limit ("
              + uploadLimit
              + ") exceeded ("
              + request.body().length
              + " bytes read)",
          "server_error",
          null);
    }
    Optional<MultipartForm> parsed =
        MultipartForm.parse(request.header("Content-Type"), request.body());
    if (parsed.isEmpty()) {
      return error(400, "Could not parse multipart form", "invalid_request_error", null);
    }
    MultipartForm form = parsed.get();
    Optional<MultipartForm.Part> file = form.part("file");
    if (file.isEmpty() || file.get().filename() == null) {
      return error(
          400,
          "Missing required parameter: 'file'.",
          "invalid_request_error",
          "missing_required_parameter");
    }
    String model = form.values("model").stream().findFirst().orElse("");
    if (!MODELS.contains(model)) {
      return error(400, "Invalid model: '" + model + "'", "invalid_request_error", "invalid_model");
    }
    String format = form.values("response_format").stream().findFirst().orElse("json");
    List<String> granularities = form.values("timestamp_granularities[]");
    if (!granularities.isEmpty() && !format.equals("verbose_json")) {
      return error(
          400,
          "timestamp_granularities is only supported with response_format=verbose_json",
          "invalid_request_error",
          null);
    }
    if (format.equals("verbose_json") && !model.equals("whisper-1")) {
      return error(
          400,
          "response_format 'verbose_json' is not compatible with model '" + model + "'",
          "invalid_request_error",
          "unsupported_value");
    }
    String language = form.values("language").stream().findFirst().orElse("");
    if (!language.isEmpty() && !language.matches("[a-z]{2}")) {
      return error(
          400, "Invalid language '" + language + "': use ISO-639-1", "invalid_request_error", null);
    }
    List<Word> words;
    long durationMillis;
    try {
      words = ToneSpeech.hear(file.get().body());
      durationMillis = ToneSpeech.durationMillis(file.get().body());
    } catch (IllegalArgumentException notAudio) {
      return error(
          400,
          "Invalid file format. Supported formats: ['flac', 'm4a', 'mp3', 'mp4', 'mpeg', 'mpga',"
              + " 'oga', 'ogg', 'wav', 'webm']",
          "invalid_request_error",
          null);
    }
    Fault fault = faults.next();
    if (fault == Fault.RATE_LIMITED) {
      return error(429, "Rate limit reached for whisper-1", "requests", "rate_limit_exceeded")
          .withHeader("Retry-After", "1");
    }
    if (fault == Fault.SERVER_ERROR) {
      return error(
          500, "The server had an error while processing your request.", "server_error", null);
    }
    uploads.add(request.body().length);
    return Reply.json(
        200, StubJson.write(answer(words, durationMillis, format, granularities.contains("word"))));
  }

  private static ObjectNode answer(
      List<Word> words, long durationMillis, String format, boolean wordTimes) {
    ObjectNode root = StubJson.object();
    String text = HeardText.text(words);
    if (!format.equals("verbose_json")) {
      root.put("text", text);
      return root;
    }
    root.put("task", "transcribe");
    root.put("language", "english");
    root.put("duration", durationMillis / 1000.0);
    root.put("text", text);
    if (wordTimes) {
      ArrayNode list = root.putArray("words");
      for (Word word : words) {
        ObjectNode w = list.addObject();
        w.put("word", word.text());
        w.put("start", word.startMillis() / 1000.0);
        w.put("end", word.endMillis() / 1000.0);
      }
    }
    ArrayNode segments = root.putArray("segments");
    List<String> written = HeardText.written(words);
    int first = 0;
    for (int i = 0; i < words.size(); i++) {
      if (written.get(i).endsWith(".")) {
        ObjectNode segment = segments.addObject();
        segment.put("id", segments.size() - 1);
        segment.put("seek", 0);
        segment.put("start", words.get(first).startMillis() / 1000.0);
        segment.put("end", words.get(i).endMillis() / 1000.0);
        segment.put("text", " " + String.join(" ", written.subList(first, i + 1)));
        segment.putArray("tokens");
        segment.put("temperature", 0.0);
        segment.put("avg_logprob", -0.21);
        segment.put("compression_ratio", 1.3);
        segment.put("no_speech_prob", 0.01);
        first = i + 1;
      }
    }
    return root;
  }

  private static Reply error(int status, String message, String type, String code) {
    ObjectNode root = StubJson.object();
    ObjectNode error = root.putObject("error");
    error.put("message", message);
    error.put("type", type);
    error.putNull("param");
    if (code == null) {
      error.putNull("code");
    } else {
      error.put("code", code);
    }
    return Reply.json(status, StubJson.write(root));
  }

  @Override
  public void close() {
    server.close();
  }
}

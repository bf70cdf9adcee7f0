package dev.reelforge.testkit.transcribe.stub;

import dev.reelforge.testkit.stub.StubHttpServer;
import dev.reelforge.testkit.stub.StubHttpServer.Reply;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import dev.reelforge.testkit.transcribe.ToneSpeech;
import dev.reelforge.testkit.transcribe.ToneSpeech.Word;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * AssemblyAI's pre-recorded transcription API as its reference describes it, on a loopback server:
 * the key as the bare {@code authorization} header (401 {@code {"error":…}} otherwise); {@code POST
 * /v2/upload} takes the raw bytes and answers an {@code upload_url}; {@code POST /v2/transcript}
 * takes {@code audio_url} and {@code language_code} (400 for a missing URL or an unknown code) and
 * answers the transcript {@code queued}; each {@code GET /v2/transcript/{id}} moves it on, {@code
 * processing} then {@code completed} — with {@code text}, {@code words} ({@code start}/{@code end}
 * in milliseconds, {@code confidence}) and {@code audio_duration} in seconds — or {@code error}
 * with its {@code error} message (an {@code audio_url} this stub never handed out cannot be
 * downloaded). The audio is heard by {@link ToneSpeech}.
 */
public final class AssemblyAiStub implements AutoCloseable {

  /** Part of AssemblyAI's list of language codes. */
  public static final List<String> LANGUAGES =
      List.of(
          "en", "en_au", "en_uk", "en_us", "es", "fr", "de", "it", "pt", "nl", "hi", "ja", "zh",
          "fi", "ko", "pl", "ru", "tr", "uk", "vi");

  private enum SubmitFault {
    RATE_LIMITED,
    SERVER_ERROR
  }

  private static final class Job {
    final String id = UUID.randomUUID().toString();
    final String audioUrl;
    final String language;
    final byte[] audio;
    final String failure;
    int polls;

    Job(String audioUrl, String language, byte[] audio, String failure) {
      this.audioUrl = audioUrl;
      this.language = language;
      this.audio = audio;
      this.failure = failure;
    }
  }

  private final StubHttpServer server = new StubHttpServer();
  private final String apiKey;
  private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final Faults<SubmitFault> submitFaults = new Faults<>();
  private final Faults<String> jobFaults = new Faults<>();
  private final AtomicInteger polls = new AtomicInteger();
  private volatile int pollsToFinish = 2;

  public AssemblyAiStub(String apiKey) {
    this.apiKey = apiKey;
    server
        .route("POST", "/v2/upload", this::upload)
        .route("POST", "/v2/transcript", this::submit)
        .route("GET", "/v2/transcript/([^/]+)", this::poll);
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  public StubHttpServer server() {
    return server;
  }

  /** Status requests answered so far. */
  public int polls() {
    return polls.get();
  }

  /** Transcripts accepted so far. */
  public int submissions() {
    return jobs.size();
  }

  /** How many polls a transcript takes to end (2 by default: processing, then the end). */
  public AssemblyAiStub pollsToFinish(int n) {
    this.pollsToFinish = Math.max(1, n);
    return this;
  }

  /** The next {@code n} submissions get 429 with {@code Retry-After: 1}. */
  public AssemblyAiStub rateLimitNextSubmits(int n) {
    submitFaults.add(SubmitFault.RATE_LIMITED, n);
    return this;
  }

  /** The next {@code n} submissions get a 500. */
  public AssemblyAiStub failNextSubmits(int n) {
    submitFaults.add(SubmitFault.SERVER_ERROR, n);
    return this;
  }

  /** The next {@code n} transcripts end with status {@code error} and {@code reason}. */
  public AssemblyAiStub failNextJobs(int n, String reason) {
    jobFaults.add(reason, n);
    return this;
  }

  private Reply upload(Request request) {
    Reply refused = authorised(request);
    if (refused != null) {
      return refused;
    }
    if (request.body().length == 0) {
      return error(400, "Upload body is empty");
    }
    String id = UUID.randomUUID().toString();
    uploads.put(id, request.body());
    ObjectNode answer = StubJson.object();
    answer.put("upload_url", server.baseUrl() + "/cdn/upload/" + id);
    return Reply.json(200, StubJson.write(answer));
  }

  private Reply submit(Request request) {
    Reply refused = authorised(request);
    if (refused != null) {
      return refused;
    }
    JsonNode body = StubJson.read(request.body());
    if (body == null || !body.isObject()) {
      return error(400, "Request body must be a JSON object");
    }
    String audioUrl = body.path("audio_url").asString("");
    if (audioUrl.isBlank()) {
      return error(400, "audio_url must be set");
    }
    String language = body.path("language_code").asString("en_us");
    if (!LANGUAGES.contains(language)) {
      return error(400, "language_code '" + language + "' is not supported");
    }
    SubmitFault fault = submitFaults.next();
    if (fault == SubmitFault.RATE_LIMITED) {
      return error(429, "Too many requests").withHeader("Retry-After", "1");
    }
    if (fault == SubmitFault.SERVER_ERROR) {
      return error(500, "Internal server error");
    }
    String prefix = server.baseUrl() + "/cdn/upload/";
    byte[] audio =
        audioUrl.startsWith(prefix) ? uploads.get(audioUrl.substring(prefix.length())) : null;
    String failure = jobFaults.next();
    if (failure == null && audio == null) {
      failure =
          "Download error, unable to download "
              + audioUrl
              + ". Please make sure the file exists and is accessible from the internet.";
    }
    Job job = new Job(audioUrl, language, audio, failure);
    jobs.put(job.id, job);
    return Reply.json(200, StubJson.write(json(job, "queued")));
  }

  private Reply poll(Request request) {
    Reply refused = authorised(request);
    if (refused != null) {
      return refused;
    }
    polls.incrementAndGet();
    Job job = jobs.get(request.groups().getFirst());
    if (job == null) {
      return error(404, "Transcript not found");
    }
    String status;
    synchronized (job) {
      job.polls++;
      status =
          job.polls < pollsToFinish ? "processing" : job.failure == null ? "completed" : "error";
    }
    return Reply.json(200, StubJson.write(json(job, status)));
  }

  private ObjectNode json(Job job, String status) {
    ObjectNode root = StubJson.object();
    root.put("id", job.id);
    root.put("status", status);
    root.put("audio_url", job.audioUrl);
    root.put("language_code", job.language);
    root.put("speech_model", "best");
    if (status.equals("error")) {
      root.put("error", job.failure);
    }
    if (!status.equals("completed")) {
      root.putNull("text");
      root.putNull("words");
      root.putNull("audio_duration");
      return root;
    }
    List<Word> words = ToneSpeech.hear(job.audio);
    List<String> written = HeardText.written(words);
    root.put("text", String.join(" ", written));
    ArrayNode list = root.putArray("words");
    double sum = 0;
    for (int i = 0; i < words.size(); i++) {
      double confidence = 0.8 + (i % 5) * 0.04;
      sum += confidence;
      ObjectNode w = list.addObject();
      w.put("text", written.get(i));
      w.put("start", words.get(i).startMillis());
      w.put("end", words.get(i).endMillis());
      w.put("confidence", confidence);
      w.putNull("speaker");
    }
    root.put("confidence", words.isEmpty() ? 0 : sum / words.size());
    root.put("audio_duration", Math.round(ToneSpeech.durationMillis(job.audio) / 1000.0));
    return root;
  }

  private Reply authorised(Request request) {
    String key = request.header("authorization");
    return key != null && key.equals(apiKey)
        ? null
        : error(401, "Authentication error, API token missing/invalid");
  }

  private static Reply error(int status, String message) {
    ObjectNode root = StubJson.object();
    root.put("error", message);
    return Reply.json(status, StubJson.write(root));
  }

  @Override
  public void close() {
    server.close();
  }
}

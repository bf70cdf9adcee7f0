package dev.reelforge.bench;

import dev.reelforge.core.cost.CostLedger;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.AccountCredentials;
import dev.reelforge.core.publish.PostMetadata;
import dev.reelforge.core.publish.PublishItem;
import dev.reelforge.core.publish.PublishOutcome;
import dev.reelforge.core.publish.Publisher;
import dev.reelforge.core.publish.UploadState;
import dev.reelforge.providers.http.CloudContext;
import dev.reelforge.providers.http.ProviderHttp;
import dev.reelforge.providers.publish.FolderPublisher;
import dev.reelforge.providers.tiktok.TikTokFactory;
import dev.reelforge.providers.tiktok.TikTokOptions;
import dev.reelforge.providers.youtube.YouTubeFactory;
import dev.reelforge.providers.youtube.YouTubeOptions;
import dev.reelforge.testkit.publish.stub.TikTokStub;
import dev.reelforge.testkit.publish.stub.YouTubeStub;
import dev.reelforge.testkit.stub.StubHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the publishers' protocols cost over moving the bytes: each publisher against its stub on the
 * loopback, next to a baseline measured in the same run on the same file — one plain HTTP {@code
 * PUT} of the whole file to a trivial loopback server (the stubs' own {@link StubHttpServer} with
 * one route, so the server side is the same code) for YouTube and TikTok, a plain {@code
 * Files.copy} for the local publish folder. What a platform does after the upload (TikTok's
 * processing, answered by status polls) is counted in requests, not waited for: the stub finishes
 * in as many polls as it is told and the benchmark polls again at once.
 *
 * <p>Then the resume cost: an upload whose connection drops in the chunk that starts at 50 %, and
 * the next call (a "new process" with the same upload state) finishing it; printed are the bytes
 * sent in all, the bytes sent twice and the requests.
 *
 * <p>Usage: {@code bench/run.sh publish [rounds=5] [MiB=64] [chunkMiB=8]}.
 */
public final class PublishBenchmark {

  private static final String YOUTUBE_TOKEN = "ya29.bench-token";
  private static final String TIKTOK_TOKEN = "act.bench-token";
  private static final double MIB = 1024.0 * 1024.0;

  private final Path file;
  private final long size;
  private final int chunk;
  private final Path dir;
  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private PublishBenchmark(Path dir, Path file, int chunk) throws IOException {
    this.dir = dir;
    this.file = file;
    this.size = Files.size(file);
    this.chunk = chunk;
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int mib = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    int chunkMib = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    Path dir = Files.createTempDirectory("reelforge-publish-bench");
    try {
      Path file = randomFile(dir.resolve("short.mp4"), mib);
      new PublishBenchmark(dir, file, chunkMib * 1024 * 1024).run(rounds);
    } finally {
      delete(dir);
    }
  }

  private void run(int rounds) throws Exception {
    System.out.printf(
        Locale.ROOT,
        "file %d MiB of random bytes, chunks of %d MiB, %d rounds (medians), one warm-up%n%n",
        size / (1024 * 1024),
        chunk / (1024 * 1024),
        rounds);
    Map<String, Measure> contenders = new LinkedHashMap<>();
    contenders.put("plain HTTP PUT (baseline)", this::plainPut);
    contenders.put("YouTube resumable", this::youtube);
    contenders.put("TikTok chunked", this::tiktok);
    contenders.put("Files.copy (baseline)", this::plainCopy);
    contenders.put("local publish folder", this::folder);
    Map<String, long[]> nanos = new LinkedHashMap<>();
    Map<String, Integer> requests = new HashMap<>();
    contenders.keySet().forEach(name -> nanos.put(name, new long[rounds]));
    for (Measure measure : contenders.values()) {
      measure.once(); // warm-up: JIT, connections, page cache
    }
    List<String> names = new ArrayList<>(contenders.keySet());
    for (int round = 0; round < rounds; round++) {
      // Alternate the order so a noisy neighbour does not always hit the same contender.
      List<String> order = new ArrayList<>(names);
      if (round % 2 == 1) {
        Collections.reverse(order);
      }
      for (String name : order) {
        long start = System.nanoTime();
        int sent = contenders.get(name).once();
        nanos.get(name)[round] = System.nanoTime() - start;
        requests.put(name, sent);
      }
    }
    Map<String, Double> median = new LinkedHashMap<>();
    nanos.forEach((name, n) -> median.put(name, Stats.of(n).p50()));
    System.out.printf(
        Locale.ROOT,
        "%-28s %10s %10s %10s %10s%n",
        "contender",
        "median ms",
        "MiB/s",
        "÷ baseline",
        "requests");
    for (String name : names) {
      String baseline =
          name.startsWith("YouTube") || name.startsWith("TikTok")
              ? "plain HTTP PUT (baseline)"
              : name.startsWith("local") ? "Files.copy (baseline)" : name;
      double ms = median.get(name);
      System.out.printf(
          Locale.ROOT,
          "%-28s %10.0f %10.0f %10.2f %10s%n",
          name,
          ms,
          size / MIB / (ms / 1000),
          ms / median.get(baseline),
          name.contains("copy") || name.contains("folder") ? "-" : requests.get(name));
    }
    System.out.println();
    resumeYouTube();
    resumeTikTok();
  }

  @FunctionalInterface
  private interface Measure {
    /** Does the work once; answers the HTTP requests it took (0 for files). */
    int once() throws Exception;
  }

  private int plainPut() throws Exception {
    try (StubHttpServer server =
        new StubHttpServer().route("PUT", "/put", r -> StubHttpServer.Reply.json(200, "{}"))) {
      HttpResponse<byte[]> response =
          client.send(
              HttpRequest.newBuilder(URI.create(server.baseUrl() + "/put"))
                  .header("Content-Type", "video/mp4")
                  .PUT(HttpRequest.BodyPublishers.ofFile(file))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200 || server.received().getFirst().body().length != size) {
        throw new IllegalStateException("the plain PUT did not arrive whole");
      }
      return 1;
    }
  }

  private int youtube() {
    try (YouTubeStub stub = new YouTubeStub(YOUTUBE_TOKEN, Clock.systemUTC())) {
      PublishOutcome outcome = youtube(stub).publish(item(), youtubeAccount(), new MapState());
      check(outcome instanceof PublishOutcome.Published && stub.videosCreated() == 1, "YouTube");
      return stub.server().received().size();
    }
  }

  private int tiktok() {
    try (TikTokStub stub = new TikTokStub(TIKTOK_TOKEN, Clock.systemUTC())) {
      finish(tiktok(stub), new MapState(), item());
      check(stub.posted() == 1, "TikTok");
      return stub.server().received().size();
    }
  }

  private int plainCopy() throws IOException {
    Path copy = dir.resolve("copy.mp4");
    Files.copy(file, copy);
    Files.delete(copy);
    return 0;
  }

  private int folder() throws IOException {
    Path root = dir.resolve("publish");
    PublishOutcome outcome =
        new FolderPublisher(root, Clock.systemUTC())
            .publish(item(), AccountCredentials.NONE, new MapState());
    check(outcome instanceof PublishOutcome.Published, "the publish folder");
    delete(root);
    return 0;
  }

  /** YouTube: the connection drops in the chunk that starts at 50 %; the stub keeps half of it. */
  private void resumeYouTube() {
    try (YouTubeStub stub = new YouTubeStub(YOUTUBE_TOKEN, Clock.systemUTC())) {
      int halfway = halfwayChunk();
      stub.dropConnectionInChunk(halfway);
      PublishItem item = item();
      MapState state = new MapState();
      interrupted(() -> youtube(stub).publish(item, youtubeAccount(), state));
      long confirmedAtDrop =
          Long.parseLong(state.values.getOrDefault("youtube.confirmed_bytes", "0"));
      int before = stub.server().received().size();
      long start = System.nanoTime();
      // A new process: a new publisher over the same persisted state.
      check(
          youtube(stub).publish(item, youtubeAccount(), state) instanceof PublishOutcome.Published,
          "YouTube after the drop");
      double resumeMs = (System.nanoTime() - start) / 1e6;
      check(stub.videosCreated() == 1 && stub.sessionsOpened() == 1, "one YouTube video");
      printResume(
          "YouTube, dropped in chunk " + halfway,
          stub.server(),
          confirmedAtDrop,
          stub.server().received().size() - before,
          resumeMs);
    }
  }

  /** TikTok: the connection drops in the chunk that starts at 50 %; the stub keeps none of it. */
  private void resumeTikTok() {
    try (TikTokStub stub = new TikTokStub(TIKTOK_TOKEN, Clock.systemUTC())) {
      int halfway = halfwayChunk();
      stub.dropConnectionInChunk(halfway);
      PublishItem item = item();
      MapState state = new MapState();
      interrupted(() -> tiktok(stub).publish(item, tiktokAccount(), state));
      // TikTok confirms whole chunks; the publisher keeps how many.
      long confirmedAtDrop =
          Long.parseLong(state.values.getOrDefault("tiktok.chunks_done", "0")) * chunk;
      int before = stub.server().received().size();
      long start = System.nanoTime();
      finish(tiktok(stub), state, item);
      double resumeMs = (System.nanoTime() - start) / 1e6;
      check(stub.posted() == 1 && stub.initialized() == 1, "one TikTok post");
      printResume(
          "TikTok, dropped in chunk " + halfway,
          stub.server(),
          confirmedAtDrop,
          stub.server().received().size() - before,
          resumeMs);
    }
  }

  /** The 1-based chunk whose first byte is at half the file (or the one holding that byte). */
  private int halfwayChunk() {
    return (int) ((size / 2) / chunk) + 1;
  }

  private void printResume(
      String name, StubHttpServer server, long confirmed, int resumeRequests, double resumeMs) {
    long sent =
        server.received().stream()
            .filter(r -> r.method().equals("PUT"))
            .mapToLong(r -> r.body().length)
            .sum();
    long resent = sent - size;
    System.out.printf(
        Locale.ROOT,
        "%-32s confirmed before the drop %.1f MiB (%.0f %%); bytes sent in all %.1f MiB;"
            + " re-sent %.1f MiB (%.1f %% of the file); the resuming call took %d requests,"
            + " %.0f ms%n",
        name,
        confirmed / MIB,
        100.0 * confirmed / size,
        sent / MIB,
        resent / MIB,
        100.0 * resent / size,
        resumeRequests,
        resumeMs);
  }

  private Publisher youtube(YouTubeStub stub) {
    return YouTubeFactory.publisher(
        YouTubeOptions.newBuilder()
            .setBaseUrl(stub.baseUrl())
            .setChunkBytes(chunk)
            .setRequestTimeout(Duration.ofMinutes(1))
            .build(),
        context());
  }

  private Publisher tiktok(TikTokStub stub) {
    return TikTokFactory.publisher(
        TikTokOptions.newBuilder()
            .setBaseUrl(stub.baseUrl())
            .setChunkBytes(chunk)
            .setRequestTimeout(Duration.ofMinutes(1))
            .build(),
        context());
  }

  private CloudContext context() {
    return CloudContext.of(new CostLedger(), Clock.systemUTC(), ProviderHttp.Observer.NONE);
  }

  /** Calls TikTok's publisher until the post is published, polling again at once. */
  private static void finish(Publisher tiktok, UploadState state, PublishItem item) {
    for (int call = 0; call < 20; call++) {
      if (tiktok.publish(item, tiktokAccount(), state) instanceof PublishOutcome.Published) {
        return;
      }
    }
    throw new IllegalStateException("TikTok's stub did not publish in 20 calls");
  }

  private static void interrupted(Runnable upload) {
    try {
      upload.run();
    } catch (ReelForgeException expected) {
      if (!expected.retryable()) {
        throw expected;
      }
      return;
    }
    throw new IllegalStateException("the upload was not interrupted");
  }

  private PublishItem item() {
    return new PublishItem(
        UUID.randomUUID(),
        "bench",
        file,
        size,
        "0".repeat(64),
        Optional.empty(),
        List.of(),
        new PostMetadata(
            "Honey never spoils",
            "Archaeologists found 3,000-year-old honey that was still edible.",
            List.of("honey", "facts"),
            "en-US"),
        "public",
        Optional.empty());
  }

  private static AccountCredentials youtubeAccount() {
    return new AccountCredentials("bench", "UCbenchchannel000000000", YOUTUBE_TOKEN);
  }

  private static AccountCredentials tiktokAccount() {
    return new AccountCredentials("bench", "open-id-bench", TIKTOK_TOKEN);
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what + " did not end as expected");
    }
  }

  private static Path randomFile(Path file, int mib) throws IOException {
    Random random = new Random(42);
    byte[] block = new byte[1024 * 1024];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < mib; i++) {
        random.nextBytes(block);
        out.write(block);
      }
    }
    return file;
  }

  private static void delete(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Upload state kept in memory: the benchmark's "new process" gets the same map. */
  private static final class MapState implements UploadState {
    final Map<String, String> values = new HashMap<>();

    @Override
    public Optional<String> get(String key) {
      return Optional.ofNullable(values.get(key));
    }

    @Override
    public void put(String key, String value) {
      values.put(key, value);
    }

    @Override
    public void remove(String key) {
      values.remove(key);
    }

    @Override
    public void progress(double fraction, String message) {}

    @Override
    public boolean cancelled() {
      return false;
    }
  }
}

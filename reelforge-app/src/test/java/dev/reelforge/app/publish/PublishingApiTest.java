package dev.reelforge.app.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.app.ApiCalls;
import dev.reelforge.app.AppTestDatabase;
import dev.reelforge.app.StoryRuns;
import dev.reelforge.app.TestUsers;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.licence.EvidenceStore;
import dev.reelforge.core.licence.LicenceEvidence;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.publish.AccountAccess;
import dev.reelforge.core.publish.AccountCredentials;
import dev.reelforge.testkit.TempDirs;
import dev.reelforge.testkit.publish.stub.FacebookStub;
import dev.reelforge.testkit.publish.stub.InstagramStub;
import dev.reelforge.testkit.publish.stub.TikTokStub;
import dev.reelforge.testkit.publish.stub.YouTubeStub;
import dev.reelforge.testkit.stub.StubHttpServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing through the API against the platforms' stubs: one call posts a finished short to the
 * local folder, YouTube and TikTok, each target with its own status; a platform that refuses never
 * fails the others and is retried by hand without a second post; a quota defers a target, which
 * resumes by itself; the licence gate names the item it refuses; bad requests name their fields;
 * another user's publication is a 404.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = {
      "reelforge.jobs.poll-interval=100ms",
      "reelforge.security.password-hash-cost=4",
      "reelforge.limits.general-per-minute=100000",
      "reelforge.limits.ai-per-minute=10000",
      "reelforge.limits.render-per-minute=10000",
      "reelforge.limits.publish-per-minute=10000",
      "reelforge.publish.retry.attempts=2",
      "reelforge.publish.retry.initial-backoff=200ms",
      "reelforge.publish.platforms.youtube.enabled=true",
      "reelforge.publish.platforms.youtube.chunk-size=262144",
      "reelforge.publish.platforms.tiktok.enabled=true",
      "reelforge.publish.platforms.tiktok.poll-every=200ms",
      "reelforge.publish.platforms.instagram.enabled=true",
      "reelforge.publish.platforms.instagram.poll-every=200ms",
      "reelforge.publish.platforms.facebook.enabled=true",
      "reelforge.publish.platforms.facebook.poll-every=200ms",
      "reelforge.publish.platforms.facebook.chunk-size=262144",
      // One TikTok post per 4 s rolling window: the second is deferred and resumes by itself.
      "reelforge.publish.quotas.tiktok.capacity=1",
      "reelforge.publish.quotas.tiktok.window=4s",
      "reelforge.publish.alerts.webhook-secret=operators-secret-0123456789",
      "reelforge.webhooks.trusted-addresses=127.0.0.1"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishingApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final YouTubeStub YOUTUBE = new YouTubeStub("yt-token", Clock.systemUTC());
  private static final TikTokStub TIKTOK = new TikTokStub("tt-token", Clock.systemUTC());
  private static final InstagramStub INSTAGRAM =
      new InstagramStub("17841400000000001", "ig-token", Clock.systemUTC());
  private static final FacebookStub FACEBOOK =
      new FacebookStub("104000000000001", "fb-token", Clock.systemUTC());
  private static final UUID INSTAGRAM_ACCOUNT =
      UUID.fromString("01931d9e-0000-7000-8000-0000000000a3");
  private static final UUID FACEBOOK_ACCOUNT =
      UUID.fromString("01931d9e-0000-7000-8000-0000000000a4");

  /** The operators' alert webhook. */
  private static final StubHttpServer OPERATORS =
      new StubHttpServer().route("POST", "/alerts", r -> StubHttpServer.Reply.json(200, "{}"));

  /** The server's port, chosen first: Instagram fetches the video from its public URL. */
  private static final int PORT = freePort();

  private static final UUID YOUTUBE_ACCOUNT =
      UUID.fromString("01931d9e-0000-7000-8000-0000000000a1");
  private static final UUID TIKTOK_ACCOUNT =
      UUID.fromString("01931d9e-0000-7000-8000-0000000000a2");

  /** The tokens the accounts hand out; a test breaks one to make a platform refuse. */
  static final Map<UUID, String> TOKENS = new ConcurrentHashMap<>();

  /** Where each account posts: the channel, the IG user, the page. */
  static final Map<UUID, String> EXTERNAL_IDS =
      Map.of(
          INSTAGRAM_ACCOUNT, "17841400000000001",
          FACEBOOK_ACCOUNT, "104000000000001");

  private static final Path root = temporaryRoot();

  private final int port = PORT;

  @Autowired ApplicationContext context;
  @Autowired EvidenceStore evidence;

  private ApiCalls api;
  private String token;
  private String runId;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    AppTestDatabase.register(registry, "PublishingApiTest");
    registry.add("reelforge.storage.local-root", () -> root.resolve("blobs").toString());
    registry.add("reelforge.storage.work-root", () -> root.resolve("work").toString());
    registry.add("reelforge.media.render-work-dir", () -> root.resolve("render").toString());
    registry.add("reelforge.publish.folder", () -> root.resolve("published").toString());
    registry.add("reelforge.publish.platforms.youtube.base-url", YOUTUBE::baseUrl);
    registry.add("reelforge.publish.platforms.tiktok.base-url", TIKTOK::baseUrl);
    registry.add("reelforge.publish.platforms.instagram.base-url", INSTAGRAM::baseUrl);
    registry.add("reelforge.publish.platforms.facebook.base-url", FACEBOOK::baseUrl);
    registry.add("reelforge.publish.platforms.facebook.upload-url", FACEBOOK::baseUrl);
    registry.add("server.port", () -> PORT);
    registry.add("reelforge.publish.alerts.webhook-url", () -> OPERATORS.baseUrl() + "/alerts");
    registry.add("reelforge.storage.public-url", () -> "http://127.0.0.1:" + PORT);
  }

  /**
   * The connected accounts, as the accounts feature hands them to publishing (its OAuth flow and
   * token refresh have their own tests): one YouTube and one TikTok account of the creator.
   */
  @TestConfiguration
  static class Accounts {
    @Bean
    @Primary
    AccountAccess stubAccounts() {
      return (owner, account, platform) -> {
        String accessToken = TOKENS.get(account);
        if (accessToken == null) {
          throw ReelForgeException.notFound("Platform account", account);
        }
        return new AccountCredentials(
            account.toString(),
            EXTERNAL_IDS.getOrDefault(account, "channel-" + platform.key()),
            accessToken);
      };
    }
  }

  @BeforeAll
  void aFinishedRun() throws Exception {
    TOKENS.put(YOUTUBE_ACCOUNT, "yt-token");
    TOKENS.put(TIKTOK_ACCOUNT, "tt-token");
    TOKENS.put(INSTAGRAM_ACCOUNT, "ig-token");
    TOKENS.put(FACEBOOK_ACCOUNT, "fb-token");
    api = new ApiCalls(port);
    token = TestUsers.token(context, "publisher", Role.CREATOR);
    StoryRuns runs = new StoryRuns(api, token);
    JsonNode run = runs.await(runs.start("Honey never spoils."), Duration.ofMinutes(4));
    assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("succeeded");
    runId = run.path("id").asString();
    // The moderation gate recorded what the licence gate reads.
    assertThat(evidence.forRun(UUID.fromString(runId))).isNotEmpty();
  }

  @AfterAll
  void stopStubs() {
    YOUTUBE.close();
    TIKTOK.close();
    INSTAGRAM.close();
    FACEBOOK.close();
    OPERATORS.close();
    TempDirs.deleteTree(root);
  }

  // Not @TempDir: with one test instance per class, Spring reads the settings before JUnit fills
  // a static @TempDir field.
  private static Path temporaryRoot() {
    try {
      return Files.createTempDirectory("publishing-api-test");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void oneCallPublishesToTheLocalFolderAndAllFourPlatformsEachWithItsOwnStatus() throws Exception {
    int videosBefore = YOUTUBE.videosCreated();
    int postsBefore = TIKTOK.posted();
    int reelsBefore = INSTAGRAM.published();
    int pageReelsBefore = FACEBOOK.published();
    JsonNode publication =
        publish(
            "{\"runId\":\"%s\",\"targets\":[{\"platform\":\"local\"},".formatted(runId)
                + "{\"platform\":\"youtube\",\"accountId\":\""
                + YOUTUBE_ACCOUNT
                + "\","
                + "\"privacy\":\"unlisted\"},"
                + "{\"platform\":\"tiktok\",\"accountId\":\""
                + TIKTOK_ACCOUNT
                + "\"},"
                + "{\"platform\":\"instagram\",\"accountId\":\""
                + INSTAGRAM_ACCOUNT
                + "\"},"
                + "{\"platform\":\"facebook\",\"accountId\":\""
                + FACEBOOK_ACCOUNT
                + "\"}]}");

    JsonNode done = await(publication, p -> p.path("status").asString().equals("published"));

    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("published");
    assertThat(YOUTUBE.videosCreated()).isEqualTo(videosBefore + 1);
    assertThat(TIKTOK.posted()).isEqualTo(postsBefore + 1);
    assertThat(INSTAGRAM.published()).isEqualTo(reelsBefore + 1);
    assertThat(FACEBOOK.published()).isEqualTo(pageReelsBefore + 1);
    assertThat(target(done, "instagram").path("postId").asString()).isNotBlank();
    assertThat(target(done, "facebook").path("url").asString())
        .startsWith("https://www.facebook.com/reel/");
    JsonNode local = target(done, "local");
    Path folder = Path.of(local.path("postId").asString());
    assertThat(folder).startsWith(root.resolve("published"));
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.endsWith(".mp4"))
          .anyMatch(n -> n.endsWith(".jpg"))
          .anyMatch(n -> n.endsWith(".srt"))
          .contains("metadata.json");
    }
    JsonNode youtube = target(done, "youtube");
    assertThat(youtube.path("url").asString()).startsWith("https://www.youtube.com/");
    assertThat(youtube.path("metadata").path("title").asString()).isNotBlank();
    YouTubeStub.Video video = YOUTUBE.videos().getLast();
    assertThat(video.metadata().path("status").path("privacyStatus").asString())
        .isEqualTo("unlisted");
    assertThat(video.bytes().length).isGreaterThan(0);
    JsonNode tiktok = target(done, "tiktok");
    assertThat(tiktok.path("metadata").path("description").asString()).isNotBlank();
  }

  @Test
  void aPlatformThatRefusesFailsAloneAndARetryByHandPostsOnce() throws Exception {
    TOKENS.put(YOUTUBE_ACCOUNT, "revoked");
    int videosBefore = YOUTUBE.videosCreated();
    JsonNode publication =
        publish(
            "{\"runId\":\"%s\",\"targets\":[{\"platform\":\"local\"},".formatted(runId)
                + "{\"platform\":\"youtube\",\"accountId\":\""
                + YOUTUBE_ACCOUNT
                + "\"}]}");

    JsonNode settled =
        await(
            publication,
            p -> !target(p, "youtube").path("status").asString().matches("queued|uploading"));
    assertThat(settled.path("status").asString()).isEqualTo("partially_published");
    assertThat(target(settled, "local").path("status").asString()).isEqualTo("published");
    JsonNode failed = target(settled, "youtube");
    assertThat(failed.path("status").asString()).isEqualTo("failed");
    assertThat(failed.path("message").asString()).isNotBlank();
    // Operators hear of it: a signed alert naming the publication, target and platform.
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (OPERATORS.received("POST", "/alerts").stream()
            .noneMatch(r -> r.bodyText().contains(failed.path("id").asString()))
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    StubHttpServer.Request alert =
        OPERATORS.received("POST", "/alerts").stream()
            .filter(r -> r.bodyText().contains(failed.path("id").asString()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no operators' alert"));
    assertThat(alert.bodyText())
        .contains("\"type\":\"publication.target_failed\"", "\"platform\":\"youtube\"");
    assertThat(alert.header("ReelForge-Signature")).matches("t=\\d+,v1=[0-9a-f]{64}");

    TOKENS.put(YOUTUBE_ACCOUNT, "yt-token");
    HttpResponse<String> retried =
        api.send(
            "POST",
            "/api/publications/"
                + settled.path("id").asString()
                + "/targets/"
                + failed.path("id").asString()
                + "/retry",
            null,
            token);
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
    JsonNode done = await(publication, p -> p.path("status").asString().equals("published"));
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("published");
    assertThat(YOUTUBE.videosCreated()).isEqualTo(videosBefore + 1);
  }

  @Test
  void aTargetPastItsQuotaIsDeferredAndResumesByItself() throws Exception {
    String body =
        "{\"runId\":\"%s\",\"targets\":[{\"platform\":\"tiktok\",\"accountId\":\"%s\"}]}"
            .formatted(runId, TIKTOK_ACCOUNT);
    JsonNode first = publish(body);
    JsonNode second = publish(body);

    JsonNode deferred =
        await(second, p -> target(p, "tiktok").path("status").asString().equals("deferred"));
    JsonNode waiting = target(deferred, "tiktok");
    assertThat(waiting.path("status").asString()).as(deferred.toString()).isEqualTo("deferred");
    assertThat(Instant.parse(waiting.path("deferredUntil").asString())).isAfter(Instant.now());
    JsonNode calendar =
        JSON.readTree(api.send("GET", "/api/publications/calendar", null, token).body());
    assertThat(calendar.path("data").path("entries").toString())
        .contains(waiting.path("id").asString());

    assertThat(
            await(first, p -> p.path("status").asString().equals("published"))
                .path("status")
                .asString())
        .isEqualTo("published");
    assertThat(
            await(second, p -> p.path("status").asString().equals("published"))
                .path("status")
                .asString())
        .isEqualTo("published");
  }

  @Test
  void theLicenceGateRefusesARunWhoseMusicMayNotBeUsedCommerciallyNamingTheItem() throws Exception {
    UUID run = UUID.fromString(runId);
    List<LicenceEvidence> kept = evidence.forRun(run);
    try {
      evidence.record(
          run,
          List.of(
              generated("beat 1 picture"),
              new LicenceEvidence(
                  "music",
                  "music",
                  new MediaLicence("library", "Some Band", "CC BY-NC 4.0", ""),
                  "",
                  "",
                  "",
                  Instant.now())));
      HttpResponse<String> refused =
          api.send(
              "POST",
              "/api/publications",
              "{\"runId\":\"" + runId + "\",\"targets\":[{\"platform\":\"local\"}]}",
              token);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
      assertThat(refused.body())
          .contains("CONTENT_REFUSED")
          .contains("music's licence 'CC BY-NC 4.0'");
      JsonNode items =
          JSON.readTree(api.send("GET", "/api/runs/" + runId + "/evidence", null, token).body());
      assertThat(items.path("data").path("publishable").asBoolean()).isFalse();
    } finally {
      evidence.record(run, kept);
    }
  }

  @Test
  void aBadRequestNamesEachFieldAndAnotherUsersPublicationIsNotFound() throws Exception {
    HttpResponse<String> bad =
        api.send(
            "POST",
            "/api/publications",
            "{\"runId\":\""
                + runId
                + "\",\"format\":\"cinema\",\"targets\":[{\"platform\":\"myspace\"},"
                + "{\"platform\":\"youtube\"},"
                + "{\"platform\":\"local\",\"privacy\":\"secret\","
                + "\"metadata\":{\"title\":\""
                + "x".repeat(101)
                + "\"}}]}",
            token);
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    assertThat(bad.body())
        .contains("\"format\"")
        .contains("targets[0].platform")
        .contains("targets[1].accountId")
        .contains("targets[2].privacy")
        .contains("targets[2].metadata.title");

    JsonNode mine = publish("{\"runId\":\"" + runId + "\",\"targets\":[{\"platform\":\"local\"}]}");
    String other = TestUsers.token(context, "someone-else", Role.CREATOR);
    String id = mine.path("id").asString();
    assertThat(api.status("GET", "/api/publications/" + id, null, other)).isEqualTo(404);
    assertThat(api.status("POST", "/api/publications/" + id + "/cancel", null, other))
        .isEqualTo(404);
    assertThat(
            api.status(
                "POST",
                "/api/publications",
                "{\"runId\":\"" + runId + "\",\"targets\":[{\"platform\":\"local\"}]}",
                other))
        .isEqualTo(404);
  }

  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private JsonNode publish(String body) throws Exception {
    HttpResponse<String> response = api.send("POST", "/api/publications", body, token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return JSON.readTree(response.body()).path("data");
  }

  private JsonNode await(JsonNode publication, Predicate<JsonNode> done) throws Exception {
    String href = publication.path("href").asString();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode current = publication;
    while (System.nanoTime() < deadline) {
      current = JSON.readTree(api.send("GET", href, null, token).body()).path("data");
      if (done.test(current)) {
        return current;
      }
      Thread.sleep(200);
    }
    return current;
  }

  private static JsonNode target(JsonNode publication, String platform) {
    for (JsonNode target : publication.path("targets")) {
      if (target.path("platform").asString().equals(platform)) {
        return target;
      }
    }
    throw new AssertionError("no " + platform + " target in " + publication);
  }

  private static LicenceEvidence generated(String item) {
    return new LicenceEvidence(
        item, "picture", MediaLicence.generated("procedural"), "", "", "", Instant.now());
  }
}

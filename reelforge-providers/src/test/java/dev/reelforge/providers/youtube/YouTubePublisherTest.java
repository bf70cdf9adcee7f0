package dev.reelforge.providers.youtube;

import static dev.reelforge.providers.publish.PublishFixtures.failure;
import static dev.reelforge.providers.publish.PublishFixtures.item;
import static dev.reelforge.providers.publish.PublishFixtures.video;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.cost.CostLedger;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.AccountCredentials;
import dev.reelforge.core.publish.PublishItem;
import dev.reelforge.core.publish.PublishOutcome;
import dev.reelforge.providers.http.CloudContext;
import dev.reelforge.providers.http.ProviderHttp;
import dev.reelforge.providers.publish.MapUploadState;
import dev.reelforge.testkit.MutableClock;
import dev.reelforge.testkit.publish.stub.YouTubeStub;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class YouTubePublisherTest {

  private static final String TOKEN = "ya29.stub-token";
  private static final int CHUNK = YouTubeOptions.CHUNK_UNIT * 4; // 1 MiB
  private static final AccountCredentials ACCOUNT =
      new AccountCredentials("acc-1", "UCstubchannel0000000000", TOKEN);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-10T20:00:00Z"));
  private final YouTubeStub stub = new YouTubeStub(TOKEN, clock);
  private final MapUploadState state = new MapUploadState();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    stub.close();
  }

  private YouTubePublisher youtube() {
    return YouTubeFactory.publisher(
        YouTubeOptions.newBuilder()
            .setBaseUrl(stub.baseUrl())
            .setChunkBytes(CHUNK)
            .setRequestTimeout(Duration.ofSeconds(5))
            .build(),
        new CloudContext(
            new CostLedger(),
            clock,
            clock::advance,
            ProviderHttp.Observer.NONE,
            HttpClient.newHttpClient()));
  }

  /** 3.5 MiB: three whole chunks and a half one. */
  private PublishItem threeAndAHalfMiB() throws Exception {
    return item(video(dir, 3 * 1024 * 1024 + 512 * 1024), "unlisted");
  }

  private static PublishOutcome.Published published(PublishOutcome outcome) {
    assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
    return (PublishOutcome.Published) outcome;
  }

  @Test
  void uploadsInChunksAndTheVideoYouTubeAssembledIsTheFile() throws Exception {
    PublishItem item = threeAndAHalfMiB();

    PublishOutcome.Published post = published(youtube().publish(item, ACCOUNT, state));

    assertThat(stub.videosCreated()).isEqualTo(1);
    YouTubeStub.Video video = stub.videos().getFirst();
    assertThat(video.bytes()).isEqualTo(Files.readAllBytes(item.video()));
    assertThat(stub.chunkPuts()).isEqualTo(4);
    assertThat(post.postId()).isEqualTo(video.id());
    assertThat(post.url()).isEqualTo("https://www.youtube.com/shorts/" + video.id());
    JsonNode metadata = video.metadata();
    assertThat(metadata.path("snippet").path("title").asString()).isEqualTo("Honey never spoils");
    assertThat(metadata.path("snippet").path("description").asString())
        .startsWith("Archaeologists found");
    assertThat(metadata.path("snippet").path("tags").toString()).isEqualTo("[\"honey\",\"facts\"]");
    assertThat(metadata.path("snippet").path("defaultLanguage").asString()).isEqualTo("en-US");
    assertThat(metadata.path("status").path("privacyStatus").asString()).isEqualTo("unlisted");
    assertThat(metadata.path("status").path("selfDeclaredMadeForKids").asBoolean(true)).isFalse();

    Request start = stub.server().received("POST", "/upload/youtube/v3/videos").getFirst();
    assertThat(start.query()).contains("uploadType=resumable").contains("part=snippet%2Cstatus");
    assertThat(start.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(start.header("X-Upload-Content-Length"))
        .isEqualTo(String.valueOf(item.videoBytes()));
    assertThat(start.header("X-Upload-Content-Type")).isEqualTo("video/mp4");
    assertThat(
            stub.server().received("PUT", "/upload/youtube/v3/videos").stream()
                .map(r -> r.header("Content-Range")))
        .containsExactly(
            "bytes 0-1048575/3670016",
            "bytes 1048576-2097151/3670016",
            "bytes 2097152-3145727/3670016",
            "bytes 3145728-3670015/3670016");
    assertThat(state.values).containsEntry(YouTubePublisher.VIDEO_ID, video.id());
    assertThat(state.progress.getLast()).startsWith("100%");
  }

  @Test
  void aCallAfterSuccessPostsNothingMore() throws Exception {
    PublishItem item = threeAndAHalfMiB();
    String first = published(youtube().publish(item, ACCOUNT, state)).postId();

    assertThat(published(youtube().publish(item, ACCOUNT, state)).postId()).isEqualTo(first);
    assertThat(stub.sessionsOpened()).isEqualTo(1);
    assertThat(stub.videosCreated()).isEqualTo(1);
  }

  @Test
  void aFailedChunkIsRetryableAndTheNextCallResumesTheSameSession() throws Exception {
    PublishItem item = threeAndAHalfMiB();
    stub.failChunk(3);
    YouTubePublisher youtube = youtube();

    ReelForgeException failed = failure(() -> youtube.publish(item, ACCOUNT, state));
    assertThat(failed.retryable()).isTrue();
    assertThat(state.values).containsEntry(YouTubePublisher.CONFIRMED, String.valueOf(2 * CHUNK));

    published(youtube.publish(item, ACCOUNT, state));
    assertThat(stub.sessionsOpened()).isEqualTo(1);
    assertThat(stub.probes()).isEqualTo(1);
    assertThat(stub.videosCreated()).isEqualTo(1);
    assertThat(stub.videos().getFirst().bytes()).isEqualTo(Files.readAllBytes(item.video()));
  }

  @Test
  void aProcessThatDiedMidChunkIsSucceededByOneThatAsksYouTubeWhereItStopped() throws Exception {
    PublishItem item = threeAndAHalfMiB();
    // YouTube keeps half of the second chunk, then the connection drops: the process "dies".
    stub.dropConnectionInChunk(2);
    ReelForgeException died = failure(() -> youtube().publish(item, ACCOUNT, state));
    assertThat(died.retryable()).isTrue();

    // A new process, a new publisher, the same persisted state.
    PublishOutcome.Published post = published(youtube().publish(item, ACCOUNT, state));

    assertThat(stub.sessionsOpened()).isEqualTo(1);
    assertThat(stub.videosCreated()).isEqualTo(1);
    assertThat(post.postId()).isEqualTo(stub.videos().getFirst().id());
    assertThat(stub.videos().getFirst().bytes()).isEqualTo(Files.readAllBytes(item.video()));
    // It resumed from the unaligned byte YouTube named, not from the chunk's start.
    assertThat(
            stub.server()
                .received("PUT", "/upload/youtube/v3/videos")
                .get(3)
                .header("Content-Range"))
        .isEqualTo("bytes 1572864-2621439/3670016");
  }

  @Test
  void anExpiredSessionIsOpenedAgainWithoutASecondVideo() throws Exception {
    PublishItem item = threeAndAHalfMiB();
    stub.failChunk(2);
    failure(() -> youtube().publish(item, ACCOUNT, state));
    String firstSession = state.values.get(YouTubePublisher.SESSION);
    stub.expireSessions();

    published(youtube().publish(item, ACCOUNT, state));

    assertThat(stub.sessionsOpened()).isEqualTo(2);
    assertThat(state.values.get(YouTubePublisher.SESSION)).isNotEqualTo(firstSession);
    assertThat(stub.videosCreated()).isEqualTo(1);
    assertThat(stub.videos().getFirst().bytes()).isEqualTo(Files.readAllBytes(item.video()));
  }

  @Test
  void aSpentQuotaDefersToTheNextMidnightPacificTime() throws Exception {
    stub.exhaustQuota();
    // 20:00 UTC on 10 June is 13:00 PDT: the quota day turns at 07:00 UTC on 11 June.
    PublishOutcome outcome = youtube().publish(threeAndAHalfMiB(), ACCOUNT, state);

    assertThat(outcome).isInstanceOf(PublishOutcome.Deferred.class);
    PublishOutcome.Deferred deferred = (PublishOutcome.Deferred) outcome;
    assertThat(deferred.until()).isEqualTo(Instant.parse("2026-06-11T07:00:00Z"));
    assertThat(deferred.reason()).contains("quotaExceeded");
    assertThat(stub.sessionsOpened()).isZero();
    assertThat(state.values).doesNotContainKey(YouTubePublisher.SESSION);
  }

  @Test
  void inWinterTheQuotaDayTurnsAtEightUtcEvenWhenUtcIsAlreadyTomorrow() throws Exception {
    clock.set(Instant.parse("2026-01-15T05:00:00Z")); // 21:00 PST on 14 January
    stub.uploadLimitReached(true);

    PublishOutcome outcome = youtube().publish(threeAndAHalfMiB(), ACCOUNT, state);

    assertThat(((PublishOutcome.Deferred) outcome).until())
        .isEqualTo(Instant.parse("2026-01-15T08:00:00Z"));
    assertThat(((PublishOutcome.Deferred) outcome).reason()).contains("upload limit");
  }

  @Test
  void theStubsDailyQuotaAllowsSixUploads() throws Exception {
    for (int i = 0; i < 6; i++) {
      published(youtube().publish(threeAndAHalfMiB(), ACCOUNT, new MapUploadState()));
    }
    assertThat(youtube().publish(threeAndAHalfMiB(), ACCOUNT, new MapUploadState()))
        .isInstanceOf(PublishOutcome.Deferred.class);
    assertThat(stub.videosCreated()).isEqualTo(6);
  }

  @Test
  void aRefusedTokenAsksToConnectTheAccountAgain() throws Exception {
    ReelForgeException refused =
        failure(
            () ->
                youtube()
                    .publish(
                        threeAndAHalfMiB(),
                        new AccountCredentials("acc-1", "UC", "expired-token"),
                        state));

    assertThat(refused.code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
    assertThat(refused.retryable()).isFalse();
    assertThat(refused.getMessage()).contains("authError").contains("connect the YouTube account");
    assertThat(refused.getMessage()).doesNotContain("expired-token");
  }

  @Test
  void aPrivacyYouTubeDoesNotKnowIsRefusedBeforeAnythingIsSent() throws Exception {
    ReelForgeException refused =
        failure(() -> youtube().publish(item(video(dir, 1000), "friends"), ACCOUNT, state));

    assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_INPUT);
    assertThat(refused.violations().getFirst().field()).isEqualTo("privacy");
    assertThat(stub.server().received()).isEmpty();
  }

  @Test
  void aCancelledPublicationStopsBetweenChunks() throws Exception {
    PublishItem item = threeAndAHalfMiB();
    state.cancelled = true;

    ReelForgeException stopped = failure(() -> youtube().publish(item, ACCOUNT, state));

    assertThat(stopped.retryable()).isFalse();
    assertThat(stub.chunkPuts()).isZero();
    assertThat(stub.videosCreated()).isZero();
  }

  @Test
  void optionsNameTheSettingToFix() {
    ReelForgeException wrong =
        failure(() -> YouTubeOptions.newBuilder().setChunkBytes(1_000_000).build());
    assertThat(wrong.violations().getFirst().field())
        .isEqualTo("reelforge.publish.platforms.youtube.chunk-size");
    assertThat(
            failure(() -> YouTubeOptions.newBuilder().setBaseUrl("ftp://x").build())
                .violations()
                .getFirst()
                .field())
        .isEqualTo("reelforge.publish.platforms.youtube.base-url");
    assertThat(YouTubeOptions.newBuilder().build().chunkBytes()).isEqualTo(8 * 1024 * 1024);
  }
}

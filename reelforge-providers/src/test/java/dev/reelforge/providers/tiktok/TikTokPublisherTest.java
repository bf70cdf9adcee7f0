package dev.reelforge.providers.tiktok;

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
import dev.reelforge.providers.http.Json;
import dev.reelforge.providers.http.ProviderHttp;
import dev.reelforge.providers.publish.MapUploadState;
import dev.reelforge.testkit.MutableClock;
import dev.reelforge.testkit.publish.stub.TikTokStub;
import dev.reelforge.testkit.stub.StubHttpServer.Request;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class TikTokPublisherTest {

  private static final String TOKEN = "act.stub-token";
  private static final int CHUNK = TikTokOptions.MIN_CHUNK_BYTES;
  private static final AccountCredentials ACCOUNT =
      new AccountCredentials("acc-2", "open-id-1", TOKEN);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-10T20:00:00Z"));
  private final TikTokStub stub = new TikTokStub(TOKEN, clock);
  private final MapUploadState state = new MapUploadState();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    stub.close();
  }

  private TikTokPublisher tiktok() {
    return tiktok(o -> {});
  }

  private TikTokPublisher tiktok(Consumer<TikTokOptions.Builder> change) {
    TikTokOptions.Builder options =
        TikTokOptions.newBuilder()
            .setBaseUrl(stub.baseUrl())
            .setChunkBytes(CHUNK)
            .setPollEvery(Duration.ofSeconds(3))
            .setRequestTimeout(Duration.ofSeconds(5));
    change.accept(options);
    return TikTokFactory.publisher(
        options.build(),
        new CloudContext(
            new CostLedger(),
            clock,
            clock::advance,
            ProviderHttp.Observer.NONE,
            HttpClient.newHttpClient()));
  }

  /** 12.5 MiB in 5 MiB chunks: two chunks, the second taking the trailing 2.5 MiB. */
  private PublishItem twelveAndAHalfMiB(String privacy) throws Exception {
    return item(video(dir, 12 * 1024 * 1024 + 512 * 1024), privacy);
  }

  private static PublishOutcome.Pending pending(PublishOutcome outcome) {
    assertThat(outcome).isInstanceOf(PublishOutcome.Pending.class);
    return (PublishOutcome.Pending) outcome;
  }

  private static PublishOutcome.Published published(PublishOutcome outcome) {
    assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
    return (PublishOutcome.Published) outcome;
  }

  private static JsonNode body(Request request) {
    return Json.MAPPER.readTree(request.body());
  }

  @Test
  void postsInChunksThenPollsUntilTikTokPublishes() throws Exception {
    PublishItem item = twelveAndAHalfMiB("public");
    TikTokPublisher tiktok = tiktok();

    PublishOutcome.Pending processing = pending(tiktok.publish(item, ACCOUNT, state));
    assertThat(processing.pollAgainIn()).isEqualTo(Duration.ofSeconds(3));
    assertThat(processing.message()).contains("processing_upload");
    PublishOutcome.Published post = published(tiktok.publish(item, ACCOUNT, state));

    TikTokStub.Publish publish = stub.publishes().getFirst();
    assertThat(publish.bytes()).isEqualTo(Files.readAllBytes(item.video()));
    assertThat(stub.initialized()).isEqualTo(1);
    assertThat(stub.posted()).isEqualTo(1);
    assertThat(post.postId()).matches("\\d{19}");
    assertThat(post.url())
        .isEqualTo("https://www.tiktok.com/@reelforge.stub/video/" + post.postId());
    assertThat(publish.privacyLevel()).isEqualTo("PUBLIC_TO_EVERYONE");
    assertThat(publish.title())
        .isEqualTo(
            "Honey never spoils\n\nArchaeologists found 3,000-year-old honey that was still"
                + " edible.\n\n#honey #facts");
    JsonNode source =
        body(stub.server().received("POST", TikTokPublisher.DIRECT_INIT).getFirst())
            .path("source_info");
    assertThat(source.path("source").asString()).isEqualTo("FILE_UPLOAD");
    assertThat(source.path("video_size").asLong()).isEqualTo(item.videoBytes());
    assertThat(source.path("chunk_size").asLong()).isEqualTo(CHUNK);
    assertThat(source.path("total_chunk_count").asInt()).isEqualTo(2);
    assertThat(
            stub.server().received("PUT", "/upload/video/").stream()
                .map(r -> r.header("Content-Range")))
        .containsExactly("bytes 0-5242879/13107200", "bytes 5242880-13107199/13107200");
    assertThat(stub.server().received("PUT", "/upload/video/").getFirst().header("Content-Type"))
        .isEqualTo("video/mp4");

    // A later call finds the post done and asks TikTok nothing.
    int requests = stub.server().received().size();
    assertThat(published(tiktok().publish(item, ACCOUNT, state)).postId()).isEqualTo(post.postId());
    assertThat(stub.server().received()).hasSize(requests);
  }

  @Test
  void aFileUnderFiveMegabytesGoesWholeAndAPrivatePostIsKnownByItsPublishId() throws Exception {
    PublishItem item = item(video(dir, 3 * 1024 * 1024), "private");
    stub.fetchesToFinish(1);

    PublishOutcome.Published post = published(tiktok().publish(item, ACCOUNT, state));

    assertThat(stub.publishes().getFirst().privacyLevel()).isEqualTo("SELF_ONLY");
    assertThat(stub.chunkPuts()).isEqualTo(1);
    assertThat(post.postId()).isEqualTo(stub.publishes().getFirst().publishId);
    assertThat(post.url()).isEmpty();
  }

  @Test
  void aFailedChunkIsRetryableAndTheNextCallSendsOnlyWhatTikTokLacks() throws Exception {
    PublishItem item = twelveAndAHalfMiB("public");
    stub.failChunk(2);

    ReelForgeException failed = failure(() -> tiktok().publish(item, ACCOUNT, state));
    assertThat(failed.retryable()).isTrue();
    assertThat(state.values).containsEntry(TikTokPublisher.CHUNKS_DONE, "1");

    pending(tiktok().publish(item, ACCOUNT, state));
    published(tiktok().publish(item, ACCOUNT, state));
    assertThat(stub.initialized()).isEqualTo(1);
    assertThat(stub.posted()).isEqualTo(1);
    assertThat(stub.chunkPuts()).isEqualTo(3);
    assertThat(stub.publishes().getFirst().bytes()).isEqualTo(Files.readAllBytes(item.video()));
  }

  @Test
  void aProcessThatDiedBeforeTheLastAnswerResendsThatChunkAndPostsOnce() throws Exception {
    PublishItem item = twelveAndAHalfMiB("public");
    // TikTok keeps the last chunk, but the answer is lost: the process "dies" not knowing.
    stub.loseReplyOfChunk(2);
    assertThat(failure(() -> tiktok().publish(item, ACCOUNT, state)).retryable()).isTrue();

    PublishOutcome first = tiktok().publish(item, ACCOUNT, state);
    pending(first);
    published(tiktok().publish(item, ACCOUNT, state));

    assertThat(stub.initialized()).isEqualTo(1);
    assertThat(stub.posted()).isEqualTo(1);
    assertThat(stub.publishes().getFirst().bytes()).isEqualTo(Files.readAllBytes(item.video()));
  }

  @Test
  void aLostLastAnswerFollowedByAnExpiredUploadUrlGoesOnWithThePostTikTokHasRatherThanASecond()
      throws Exception {
    PublishItem item = twelveAndAHalfMiB("public");
    stub.loseReplyOfChunk(2);
    assertThat(failure(() -> tiktok().publish(item, ACCOUNT, state)).retryable()).isTrue();
    // The restarted process comes back after the upload URL's hour.
    clock.advance(Duration.ofMinutes(61));

    PublishOutcome outcome = tiktok().publish(item, ACCOUNT, state);
    for (int polls = 0; outcome instanceof PublishOutcome.Pending && polls < 5; polls++) {
      outcome = tiktok().publish(item, ACCOUNT, state);
    }
    published(outcome);

    assertThat(stub.initialized()).as("no second post opened").isEqualTo(1);
    assertThat(stub.posted()).isEqualTo(1);
  }

  @Test
  void aConnectionDroppedMidChunkIsResumedFromTheLastConfirmedChunk() throws Exception {
    PublishItem item = twelveAndAHalfMiB("public");
    stub.dropConnectionInChunk(1);
    assertThat(failure(() -> tiktok().publish(item, ACCOUNT, state)).retryable()).isTrue();
    assertThat(state.values).containsEntry(TikTokPublisher.CHUNKS_DONE, "0");

    pending(tiktok().publish(item, ACCOUNT, state));
    assertThat(stub.initialized()).isEqualTo(1);
    assertThat(stub.publishes().getFirst().bytes()).isEqualTo(Files.readAllBytes(item.video()));
  }

  @Test
  void anExpiredUploadUrlOpensANewPostAndOnlyThatOneIsPublished() throws Exception {
    PublishItem item = twelveAndAHalfMiB("public");
    stub.failChunk(2);
    failure(() -> tiktok().publish(item, ACCOUNT, state));
    String firstPublish = state.values.get(TikTokPublisher.PUBLISH_ID);
    clock.advance(Duration.ofMinutes(61));

    pending(tiktok().publish(item, ACCOUNT, state));
    published(tiktok().publish(item, ACCOUNT, state));

    assertThat(stub.initialized()).isEqualTo(2);
    assertThat(state.values.get(TikTokPublisher.PUBLISH_ID)).isNotEqualTo(firstPublish);
    assertThat(stub.posted()).isEqualTo(1);
    assertThat(stub.publishes().get(0).status()).isEqualTo("PROCESSING_UPLOAD");
    assertThat(stub.publishes().get(1).bytes()).isEqualTo(Files.readAllBytes(item.video()));
  }

  @Test
  void aRateLimitDefersByRetryAfterAndThePostCapByADay() throws Exception {
    stub.rateLimitNextInits(1, 45).postCapNextInits(1);
    PublishItem item = twelveAndAHalfMiB("public");

    PublishOutcome limited = tiktok().publish(item, ACCOUNT, state);
    assertThat(limited).isInstanceOf(PublishOutcome.Deferred.class);
    assertThat(((PublishOutcome.Deferred) limited).until())
        .isEqualTo(clock.instant().plusSeconds(45));
    assertThat(((PublishOutcome.Deferred) limited).reason()).contains("rate_limit_exceeded");

    PublishOutcome capped = tiktok().publish(item, ACCOUNT, state);
    assertThat(((PublishOutcome.Deferred) capped).until())
        .isEqualTo(clock.instant().plus(Duration.ofHours(24)));
    assertThat(((PublishOutcome.Deferred) capped).reason()).contains("spam_risk_too_many_posts");

    assertThat(stub.initialized()).isZero();
    assertThat(state.values).doesNotContainKey(TikTokPublisher.PUBLISH_ID);
    pending(tiktok().publish(item, ACCOUNT, state));
  }

  @Test
  void privacyIsMappedOntoTikToksLevelsAndALevelTheAccountLacksIsRefused() throws Exception {
    stub.privacyLevels("SELF_ONLY", "MUTUAL_FOLLOW_FRIENDS");
    pending(tiktok().publish(twelveAndAHalfMiB("unlisted"), ACCOUNT, state));
    assertThat(stub.publishes().getFirst().privacyLevel()).isEqualTo("MUTUAL_FOLLOW_FRIENDS");

    ReelForgeException refused =
        failure(() -> tiktok().publish(twelveAndAHalfMiB("public"), ACCOUNT, new MapUploadState()));
    assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_INPUT);
    assertThat(refused.violations().getFirst().field()).isEqualTo("privacy");
    assertThat(refused.getMessage())
        .contains("PUBLIC_TO_EVERYONE")
        .contains("SELF_ONLY, MUTUAL_FOLLOW_FRIENDS");
    assertThat(stub.initialized()).isEqualTo(1);
  }

  @Test
  void aRefusedTokenAsksToConnectTheAccountAgain() throws Exception {
    ReelForgeException refused =
        failure(
            () ->
                tiktok()
                    .publish(
                        twelveAndAHalfMiB("public"),
                        new AccountCredentials("acc-2", "open-id-1", "act.revoked"),
                        state));

    assertThat(refused.code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
    assertThat(refused.retryable()).isFalse();
    assertThat(refused.getMessage()).contains("access_token_invalid").doesNotContain("act.revoked");
  }

  @Test
  void aPostTikTokFailsIsANonRetryableErrorAndARetryByHandOpensANewPost() throws Exception {
    PublishItem item = twelveAndAHalfMiB("public");
    stub.failNextPublishes(1, "frame_rate_check_failed").fetchesToFinish(1);

    ReelForgeException failed = failure(() -> tiktok().publish(item, ACCOUNT, state));
    assertThat(failed.retryable()).isFalse();
    assertThat(failed.getMessage()).contains("frame_rate_check_failed");
    assertThat(state.values).doesNotContainKey(TikTokPublisher.PUBLISH_ID);

    published(tiktok().publish(item, ACCOUNT, state));
    assertThat(stub.initialized()).isEqualTo(2);
    assertThat(stub.posted()).isEqualTo(1);
  }

  @Test
  void theInboxModeUploadsADraftWithoutPostInfo() throws Exception {
    PublishItem item = twelveAndAHalfMiB("public");
    TikTokPublisher inbox = tiktok(o -> o.setPostMode("inbox"));

    pending(inbox.publish(item, ACCOUNT, state));
    PublishOutcome.Published draft = published(inbox.publish(item, ACCOUNT, state));

    assertThat(stub.server().received("POST", TikTokPublisher.INBOX_INIT)).hasSize(1);
    assertThat(stub.server().received("POST", TikTokPublisher.CREATOR_INFO)).isEmpty();
    assertThat(
            body(stub.server().received("POST", TikTokPublisher.INBOX_INIT).getFirst())
                .has("post_info"))
        .isFalse();
    assertThat(stub.publishes().getFirst().status()).isEqualTo("SEND_TO_USER_INBOX");
    assertThat(draft.postId()).isEqualTo(stub.publishes().getFirst().publishId);
  }

  @Test
  void chunksFollowTikToksRules() {
    assertThat(TikTokChunks.plan(3_000_000, 10_000_000))
        .isEqualTo(new TikTokChunks(3_000_000, 3_000_000, 1));
    assertThat(TikTokChunks.plan(50_000_123, 10_000_000))
        .isEqualTo(new TikTokChunks(50_000_123, 10_000_000, 5));
    assertThat(TikTokChunks.plan(50_000_123, 10_000_000).length(4)).isEqualTo(10_000_123);
    // Over 64 MB never goes as one chunk, even when one chunk and its tail would fit 128 MB.
    TikTokChunks big = TikTokChunks.plan(100_000_001, 64_000_000);
    assertThat(big.count()).isEqualTo(2);
    assertThat(big.length(1)).isLessThanOrEqualTo(64_000_000);
  }

  @Test
  void optionsNameTheSettingToFix() {
    assertThat(
            failure(() -> TikTokOptions.newBuilder().setChunkBytes(1_000_000).build())
                .violations()
                .getFirst()
                .field())
        .isEqualTo("reelforge.publish.platforms.tiktok.chunk-size");
    assertThat(
            failure(() -> TikTokOptions.newBuilder().setPostMode("draft").build())
                .violations()
                .getFirst()
                .field())
        .isEqualTo("reelforge.publish.platforms.tiktok.post-mode");
    assertThat(
            failure(() -> TikTokOptions.newBuilder().setPollEvery(Duration.ZERO).build())
                .violations()
                .getFirst()
                .field())
        .isEqualTo("reelforge.publish.platforms.tiktok.poll-every");
  }
}

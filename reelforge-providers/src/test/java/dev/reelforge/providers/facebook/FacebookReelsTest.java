package dev.reelforge.providers.facebook;

import static dev.reelforge.providers.meta.PublishFixtures.drive;
import static dev.reelforge.providers.meta.PublishFixtures.item;
import static dev.reelforge.providers.meta.PublishFixtures.video;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.AccountCredentials;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.PublishItem;
import dev.reelforge.core.publish.PublishOutcome;
import dev.reelforge.providers.meta.MapUploadState;
import dev.reelforge.providers.videogen.VideoVendorContext;
import dev.reelforge.testkit.publish.stub.FacebookStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FacebookReelsTest {

  private static final String PAGE = "104512345678901";
  private static final String TOKEN = "EAAB-page-token";
  private static final int CHUNK = 1024 * 1024;

  private final VideoVendorContext vendor = new VideoVendorContext();
  private final FacebookStub stub = new FacebookStub(PAGE, TOKEN, vendor.clock);
  private final AccountCredentials account = new AccountCredentials("acc-2", PAGE, TOKEN);

  @TempDir Path dir;
  private Path file;
  private PublishItem item;

  @BeforeEach
  void makeTheVideo() throws IOException {
    file = video(dir, "short.mp4", 3 * CHUNK + 123_457);
    item = item(file, Optional.empty());
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  private FacebookReels facebook() {
    return facebook(FacebookOptions.DEFAULT_REELS_PER_DAY);
  }

  private FacebookReels facebook(int reelsPerDay) {
    return FacebookFactory.reels(
        FacebookOptions.newBuilder()
            .setBaseUrl(stub.baseUrl())
            .setUploadUrl(stub.baseUrl())
            .setChunkBytes(CHUNK)
            .setReelsPerDay(reelsPerDay)
            .setPollEvery(Duration.ofSeconds(20))
            .setResilience(VideoVendorContext.resilience())
            .build(),
        vendor.context());
  }

  private List<Long> offsets() {
    return stub.server().received("POST", "/video-upload/.*").stream()
        .map(r -> Long.parseLong(r.header("offset")))
        .toList();
  }

  @Test
  void uploadsInChunksAndPublishesTheReel() throws IOException {
    MapUploadState state = new MapUploadState();
    PublishOutcome outcome = drive(facebook(), item, account, state, vendor.clock);

    PublishOutcome.Published published = (PublishOutcome.Published) outcome;
    assertThat(published.url()).isEqualTo("https://www.facebook.com/reel/" + published.postId());
    assertThat(stub.uploaded(published.postId())).isEqualTo(Files.readAllBytes(file));
    assertThat(offsets()).containsExactly(0L, (long) CHUNK, 2L * CHUNK, 3L * CHUNK);
    assertThat(stub.server().received("POST", "/video-upload/.*"))
        .allSatisfy(
            r -> {
              assertThat(r.header("Authorization")).isEqualTo("OAuth " + TOKEN);
              assertThat(r.header("file_size")).isEqualTo(String.valueOf(Files.size(file)));
            });
    assertThat(stub.description(published.postId()))
        .isEqualTo(item.metadata().caption(Platform.FACEBOOK))
        .contains("#honey #bees");
    assertThat(stub.title(published.postId())).isEqualTo("Honey never spoils");
    assertThat(stub.starts()).isEqualTo(1);
    assertThat(stub.finishRequests()).isEqualTo(1);
    assertThat(stub.published()).isEqualTo(1);
    assertThat(state.progress).isSorted().last().isEqualTo(1.0);
  }

  @Test
  void anUploadDroppedMidChunkResumesFromTheBytesFacebookHolds() throws IOException {
    MapUploadState state = new MapUploadState();
    stub.dropNextUploadAfter(300_000);
    assertThatThrownBy(() -> facebook().publish(item, account, state))
        .isInstanceOfSatisfying(ReelForgeException.class, e -> assertThat(e.retryable()).isTrue());

    PublishOutcome.Published published =
        (PublishOutcome.Published) drive(facebook(), item, account, state, vendor.clock);

    assertThat(offsets()).containsExactly(0L, 300_000L, 300_000L + CHUNK, 300_000L + 2L * CHUNK);
    assertThat(stub.uploaded(published.postId())).isEqualTo(Files.readAllBytes(file));
    assertThat(stub.starts()).isEqualTo(1);
    assertThat(stub.published()).isEqualTo(1);
  }

  @Test
  void aRestartedProcessGoesOnWithThePersistedVideo() throws IOException {
    MapUploadState before = new MapUploadState();
    stub.failNextUploads(1);
    assertThatThrownBy(() -> facebook().publish(item, account, before))
        .isInstanceOf(ReelForgeException.class);
    String video = before.values.get(FacebookReels.VIDEO);
    assertThat(video).isNotBlank();

    MapUploadState after = new MapUploadState(before.values);
    PublishOutcome.Published published =
        (PublishOutcome.Published) drive(facebook(), item, account, after, vendor.clock);

    assertThat(published.postId()).isEqualTo(video);
    assertThat(stub.uploaded(video)).isEqualTo(Files.readAllBytes(file));
    assertThat(stub.starts()).isEqualTo(1);
    assertThat(stub.published()).isEqualTo(1);
  }

  @Test
  void aLostFinishAnswerIsNeverSentAgain() {
    MapUploadState state = new MapUploadState();
    stub.loseNextFinishAnswers(1);
    assertThatThrownBy(() -> facebook().publish(item, account, state))
        .isInstanceOfSatisfying(ReelForgeException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(state.values).doesNotContainKey(FacebookReels.FINISH_SENT);

    PublishOutcome outcome =
        drive(facebook(), item, account, new MapUploadState(state.values), vendor.clock);

    assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
    assertThat(stub.finishRequests()).isEqualTo(1);
    assertThat(stub.starts()).isEqualTo(1);
    assertThat(stub.published()).isEqualTo(1);
  }

  @Test
  void aProcessingErrorFailsForGoodAndForgetsTheVideo() {
    MapUploadState state = new MapUploadState();
    stub.failNextProcessing(1, "The video's aspect ratio is not 9:16");

    assertThatThrownBy(() -> drive(facebook(), item, account, state, vendor.clock))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).contains("processing phase", "not 9:16");
            });
    assertThat(state.values).doesNotContainKey(FacebookReels.VIDEO);
    assertThat(stub.published()).isZero();
  }

  @Test
  void thePagesDailyCapDefersUntilASlotOpensAndTheUploadIsNotRepeated() {
    Instant now = vendor.clock.instant();
    stub.cap(2).publishedEarlier(1, now.minus(Duration.ofHours(23)));
    stub.publishedEarlier(1, now.minus(Duration.ofHours(1)));
    MapUploadState state = new MapUploadState();

    PublishOutcome.Deferred deferred =
        (PublishOutcome.Deferred) drive(facebook(2), item, account, state, vendor.clock);

    assertThat(deferred.until()).isEqualTo(now.plus(Duration.ofHours(1)).plusSeconds(60));
    assertThat(deferred.reason()).contains("2 reels per Page per 24 hours");
    int uploads = stub.uploadRequests();

    vendor.clock.set(deferred.until());
    assertThat(drive(facebook(2), item, account, state, vendor.clock))
        .isInstanceOf(PublishOutcome.Published.class);
    assertThat(stub.uploadRequests()).isEqualTo(uploads);
    assertThat(stub.starts()).isEqualTo(1);
    assertThat(stub.published()).isEqualTo(1);
  }

  @Test
  void aRefusedTokenAsksForThePageToBeConnectedAgain() {
    AccountCredentials wrong = new AccountCredentials("acc-2", PAGE, "not-the-token");
    assertThatThrownBy(() -> facebook().publish(item, wrong, new MapUploadState()))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
              assertThat(e.retryable()).isFalse();
            });
    stub.expireToken();
    assertThatThrownBy(() -> facebook().publish(item, account, new MapUploadState()))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.getMessage()).contains("connect the account again", "190/463"));
    assertThat(stub.starts()).isZero();
  }

  @Test
  void optionsNameTheSettingToFix() {
    assertThatThrownBy(() -> FacebookOptions.newBuilder().setApiVersion("21").build())
        .hasMessageContaining("reelforge.publish.platforms.facebook.api-version");
    assertThatThrownBy(() -> FacebookOptions.newBuilder().setChunkBytes(1000).build())
        .hasMessageContaining("reelforge.publish.platforms.facebook.chunk-bytes");
    assertThatThrownBy(() -> FacebookOptions.newBuilder().setUploadUrl("rupload").build())
        .hasMessageContaining("reelforge.publish.platforms.facebook.upload-url");
    assertThat(FacebookOptions.newBuilder().build().apiVersion()).isEqualTo("v21.0");
  }
}

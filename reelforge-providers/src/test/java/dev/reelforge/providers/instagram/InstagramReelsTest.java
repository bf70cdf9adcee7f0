package dev.reelforge.providers.instagram;

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
import dev.reelforge.testkit.publish.stub.InstagramStub;
import dev.reelforge.testkit.stub.StubHttpServer;
import dev.reelforge.testkit.stub.StubHttpServer.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstagramReelsTest {

  private static final String USER = "17841400008460056";
  private static final String TOKEN = "IGQVJ-test-token";

  private final VideoVendorContext vendor = new VideoVendorContext();
  private final InstagramStub stub = new InstagramStub(USER, TOKEN, vendor.clock);
  private final StubHttpServer files = new StubHttpServer();
  private final AccountCredentials account = new AccountCredentials("acc-1", USER, TOKEN);

  @TempDir Path dir;
  private Path file;
  private PublishItem item;

  @BeforeEach
  void serveTheVideo() throws IOException {
    file = video(dir, "short.mp4", 3 * 1024 * 1024 + 517);
    files.route(
        "GET",
        "/signed/short\\.mp4",
        request -> {
          try {
            return Reply.bytes("video/mp4", Files.readAllBytes(file));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    item = item(file, Optional.of(URI.create(files.baseUrl() + "/signed/short.mp4?sig=abc")));
  }

  @AfterEach
  void stop() {
    stub.close();
    files.close();
  }

  private InstagramReels instagram() {
    return InstagramFactory.reels(
        InstagramOptions.newBuilder()
            .setBaseUrl(stub.baseUrl())
            .setPollEvery(Duration.ofSeconds(30))
            .setResilience(VideoVendorContext.resilience())
            .build(),
        vendor.context());
  }

  @Test
  void publishesAReelInstagramFetchedFromThePublicUrl() throws IOException {
    MapUploadState state = new MapUploadState();
    PublishOutcome outcome = drive(instagram(), item, account, state, vendor.clock);

    PublishOutcome.Published published = (PublishOutcome.Published) outcome;
    assertThat(published.url()).startsWith("https://www.instagram.com/reel/");
    assertThat(stub.published()).isEqualTo(1);
    assertThat(stub.fetches()).isEqualTo(1);
    String container = state.values.get(InstagramReels.CONTAINER);
    assertThat(stub.fetchedBytes(container)).isEqualTo(Files.size(file)).isPositive();
    assertThat(state.values).containsEntry(InstagramReels.MEDIA, published.postId());
    assertThat(stub.lastCaption()).isEqualTo(item.metadata().caption(Platform.INSTAGRAM));
    assertThat(stub.lastCaption()).contains("Honey never spoils", "#honey #bees");
    assertThat(stub.server().received())
        .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN));
    assertThat(stub.server().received("POST", "/v21\\.0/" + USER + "/media").getFirst().bodyText())
        .contains("media_type=REELS", "share_to_feed=true", "video_url=");
    assertThat(state.progress).last().isEqualTo(1.0);
  }

  @Test
  void aFailedCallIsRetryableAndTheNextOneGoesOnWithTheSameContainer() {
    MapUploadState state = new MapUploadState();
    InstagramReels instagram = instagram();
    assertThat(instagram.publish(item, account, state)).isInstanceOf(PublishOutcome.Pending.class);
    stub.failNextCalls(3); // a status check fails on every in-line attempt

    assertThatThrownBy(() -> instagram.publish(item, account, state))
        .isInstanceOfSatisfying(ReelForgeException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(drive(instagram, item, account, state, vendor.clock))
        .isInstanceOf(PublishOutcome.Published.class);
    assertThat(stub.containersCreated()).isEqualTo(1);
    assertThat(stub.published()).isEqualTo(1);
  }

  @Test
  void aFailedContainerCreationIsSentOnceAndRetriedByTheNextCall() {
    MapUploadState state = new MapUploadState();
    stub.failNextCalls(1);
    assertThatThrownBy(() -> instagram().publish(item, account, state))
        .isInstanceOfSatisfying(ReelForgeException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(state.values).doesNotContainKey(InstagramReels.CONTAINER);

    assertThat(drive(instagram(), item, account, state, vendor.clock))
        .isInstanceOf(PublishOutcome.Published.class);
    assertThat(stub.containersCreated()).isEqualTo(1);
    assertThat(stub.published()).isEqualTo(1);
  }

  @Test
  void aRestartedProcessGoesOnWithThePersistedContainer() {
    MapUploadState before = new MapUploadState();
    instagram().publish(item, account, before); // creates the container
    vendor.clock.advance(Duration.ofSeconds(30));
    instagram().publish(item, account, before); // first poll: still in progress

    MapUploadState after = new MapUploadState(before.values);
    PublishOutcome outcome = drive(instagram(), item, account, after, vendor.clock);

    assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
    assertThat(stub.containersCreated()).isEqualTo(1);
    assertThat(stub.fetches()).isEqualTo(1);
    assertThat(stub.published()).isEqualTo(1);
  }

  @Test
  void aLostPublishAnswerIsRecoveredWithoutPostingTwice() {
    MapUploadState state = new MapUploadState();
    stub.loseNextPublishAnswers(1);
    assertThatThrownBy(() -> drive(instagram(), item, account, state, vendor.clock))
        .isInstanceOfSatisfying(ReelForgeException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(stub.published()).isEqualTo(1);
    assertThat(state.values).doesNotContainKey(InstagramReels.MEDIA);

    PublishOutcome outcome =
        drive(instagram(), item, account, new MapUploadState(state.values), vendor.clock);

    assertThat(stub.publishRequests()).isEqualTo(1);
    assertThat(stub.published()).isEqualTo(1);
    PublishOutcome.Published published = (PublishOutcome.Published) outcome;
    assertThat(published.url()).startsWith("https://www.instagram.com/reel/");
    assertThat(state.values).containsEntry(InstagramReels.MEDIA, published.postId());
    // Once known, calling again answers the same post without asking Instagram to publish.
    assertThat(instagram().publish(item, account, state)).isEqualTo(published);
    assertThat(stub.publishRequests()).isEqualTo(1);
  }

  @Test
  void anExpiredContainerIsReplacedByANewOne() {
    MapUploadState state = new MapUploadState();
    stub.expireNextContainers(1);

    assertThat(drive(instagram(), item, account, state, vendor.clock))
        .isInstanceOf(PublishOutcome.Published.class);
    assertThat(stub.containersCreated()).isEqualTo(2);
    assertThat(stub.published()).isEqualTo(1);
  }

  @Test
  void aContainerLeftPastItsDayExpiresAndIsReplaced() {
    MapUploadState state = new MapUploadState();
    instagram().publish(item, account, state);
    String first = state.values.get(InstagramReels.CONTAINER);
    vendor.clock.advance(Duration.ofHours(25));

    assertThat(drive(instagram(), item, account, state, vendor.clock))
        .isInstanceOf(PublishOutcome.Published.class);
    assertThat(state.values.get(InstagramReels.CONTAINER)).isNotEqualTo(first);
    assertThat(stub.published()).isEqualTo(1);
  }

  @Test
  void aContainerInErrorFailsForGoodWithInstagramsReason() {
    MapUploadState state = new MapUploadState();
    stub.failNextContainers(1, "ERROR: The video's aspect ratio is not supported (2207009)");

    assertThatThrownBy(() -> drive(instagram(), item, account, state, vendor.clock))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).contains("aspect ratio is not supported");
            });
    assertThat(state.values).doesNotContainKey(InstagramReels.CONTAINER);
    assertThat(stub.published()).isZero();
  }

  @Test
  void theDailyCapDefersUntilTheOldestPostInTheWindowLeavesIt() {
    Instant now = vendor.clock.instant();
    stub.cap(3).postedEarlier(2, now.minus(Duration.ofHours(2)));
    stub.postedEarlier(1, now.minus(Duration.ofHours(20)));
    MapUploadState state = new MapUploadState();

    PublishOutcome outcome = drive(instagram(), item, account, state, vendor.clock);

    PublishOutcome.Deferred deferred = (PublishOutcome.Deferred) outcome;
    assertThat(deferred.until()).isEqualTo(now.plus(Duration.ofHours(4)).plusSeconds(60));
    assertThat(deferred.reason()).contains("3 published posts per 24 hours");
    assertThat(stub.publishRequests()).isZero();

    vendor.clock.set(deferred.until());
    assertThat(drive(instagram(), item, account, state, vendor.clock))
        .isInstanceOf(PublishOutcome.Published.class);
    assertThat(stub.containersCreated()).isEqualTo(1);
    assertThat(stub.published()).isEqualTo(1);
  }

  @Test
  void aRefusedTokenAsksForTheAccountToBeConnectedAgain() {
    AccountCredentials wrong = new AccountCredentials("acc-1", USER, "not-the-token");
    assertThatThrownBy(() -> instagram().publish(item, wrong, new MapUploadState()))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
              assertThat(e.retryable()).isFalse();
            });

    MapUploadState state = new MapUploadState();
    instagram().publish(item, account, state);
    stub.expireToken();
    assertThatThrownBy(() -> instagram().publish(item, account, state))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.getMessage()).contains("connect the account again", "190/463"));
    assertThat(stub.published()).isZero();
  }

  @Test
  void withoutAPublicAddressInstagramCannotFetchTheVideo() throws IOException {
    PublishItem local = item(file, Optional.empty());
    assertThatThrownBy(() -> instagram().publish(local, account, new MapUploadState()))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).contains("public address", "reelforge.storage.public-url");
            });
    assertThat(stub.server().received()).isEmpty();
  }

  @Test
  void optionsNameTheSettingToFix() {
    assertThatThrownBy(() -> InstagramOptions.newBuilder().setBaseUrl("graph.facebook.com").build())
        .hasMessageContaining("reelforge.publish.platforms.instagram.base-url");
    assertThatThrownBy(() -> InstagramOptions.newBuilder().setPollEvery(Duration.ZERO).build())
        .hasMessageContaining("reelforge.publish.platforms.instagram.poll-every");
    assertThatThrownBy(
            () -> InstagramOptions.newBuilder().setThumbOffset(Duration.ofSeconds(-1)).build())
        .hasMessageContaining("reelforge.publish.platforms.instagram.thumb-offset");
  }
}

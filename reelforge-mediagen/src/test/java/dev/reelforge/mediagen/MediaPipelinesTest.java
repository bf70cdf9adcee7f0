package dev.reelforge.mediagen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.jobs.api.RetryPolicy;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.videogen.PendingVideo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class MediaPipelinesTest {

  /** No jitter: the waits as the policy states them. */
  private static final RandomGenerator NO_JITTER = () -> 0L;

  @Test
  void imagesHaveThreeAttemptsOneThenFourSecondsApartOnTheirOwnQueue() {
    StageDefinition stage = MediaPipelines.imageDefinition().stage(MediaPipelines.STAGE);
    assertThat(MediaPipelines.imageDefinition().kind()).isEqualTo("image");
    assertThat(stage.queue()).isEqualTo("image");
    RetryPolicy policy = stage.retryPolicy();
    assertThat(policy.maxAttempts()).isEqualTo(3);
    assertThat(policy.backoff(1, NO_JITTER)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.backoff(2, NO_JITTER)).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.backoff(3, NO_JITTER)).isEqualTo(Duration.ofSeconds(16));
  }

  @Test
  void videosHaveTwoAttemptsFiveThenThirtySecondsApartOnTheirOwnQueue() {
    StageDefinition stage = MediaPipelines.videoDefinition().stage(MediaPipelines.STAGE);
    assertThat(MediaPipelines.videoDefinition().kind()).isEqualTo("video");
    assertThat(stage.queue()).isEqualTo("video");
    RetryPolicy policy = stage.retryPolicy();
    assertThat(policy.maxAttempts()).isEqualTo(2);
    assertThat(policy.backoff(1, NO_JITTER)).isEqualTo(Duration.ofSeconds(5));
    assertThat(policy.backoff(2, NO_JITTER)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aCheckpointSurvivesItsJsonWithThePendingJobAndTheFailures() {
    PendingVideo job =
        new PendingVideo(
            "kling",
            "image2video:abc",
            "processing",
            Instant.parse("2026-05-04T09:00:00Z"),
            Duration.ofSeconds(15));
    VideoCheckpoint state =
        VideoCheckpoint.start(List.of("kling", "luma"))
            .asking()
            .failed(ErrorCode.EXTERNAL_API_ERROR, "502")
            .retrying()
            .asking()
            .submitted(job, Instant.parse("2026-05-04T09:00:30Z"), true);
    VideoCheckpoint read = VideoCheckpoint.read(state.write());
    assertThat(read).isEqualTo(state);
    assertThat(read.pending().pollAfter()).isEqualTo(Duration.ofSeconds(15));
    assertThat(read.retriesUsed()).isEqualTo(1);
    assertThat(read.enginesTried()).containsExactly("kling");
  }
}

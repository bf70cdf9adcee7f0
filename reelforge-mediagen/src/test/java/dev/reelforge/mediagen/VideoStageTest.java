package dev.reelforge.mediagen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.jobs.api.ReviewSignal;
import dev.reelforge.core.jobs.api.StageContext;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.mediagen.engines.VideoEngines;
import dev.reelforge.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The video stage on its own, with a context that records what the stage asks of the engine. */
class VideoStageTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T09:00:00Z"));

  @TempDir Path dir;

  @Test
  void theVendorsJobIsSavedAsTheCheckpointBeforeTheStageAnswers() throws Exception {
    ScriptedVendor kling =
        new ScriptedVendor(
            VideoEngines.KLING, clock, ScriptedVendor.doneAfter(5, Duration.ofSeconds(12)));
    MediaPipelines pipelines =
        new MediaPipelines(
            ScriptedImages.png(),
            VideoEngines.of(List.of(new ScriptedVideoEngine(kling)), clock),
            new FolderMediaStore(dir.resolve("store")),
            new ImageIoThumbnailer(),
            dir.resolve("work"),
            clock);
    RecordingContext ctx = new RecordingContext(MediaJson.write(MediaHarness.textVideo(null)));

    StageResult result = pipelines.video().handlers().get(MediaPipelines.STAGE).execute(ctx);

    assertThat(ctx.saved).hasSize(1);
    VideoCheckpoint saved = VideoCheckpoint.read(ctx.saved.getFirst());
    assertThat(saved.pending().externalId()).isEqualTo("kling-job-1");
    assertThat(saved.submittedAt()).isEqualTo(clock.instant());
    assertThat(result)
        .isEqualTo(
            new StageResult.RetryLater(Duration.ofSeconds(12), Optional.of(ctx.saved.getFirst())));
  }

  /** A stage context as the engine gives one, keeping what the stage saved and reported. */
  private static final class RecordingContext implements StageContext {
    private final String inputs;
    final List<String> saved = new ArrayList<>();
    final List<String> progress = new ArrayList<>();
    private final UUID run = UUID.randomUUID();

    RecordingContext(String inputs) {
      this.inputs = inputs;
    }

    @Override
    public UUID runId() {
      return run;
    }

    @Override
    public UUID taskId() {
      return run;
    }

    @Override
    public UUID ownerId() {
      return MediaHarness.OWNER;
    }

    @Override
    public String stage() {
      return MediaPipelines.STAGE;
    }

    @Override
    public int attempt() {
      return 1;
    }

    @Override
    public String inputs() {
      return inputs;
    }

    @Override
    public Map<String, String> dependencyOutputs() {
      return Map.of();
    }

    @Override
    public Optional<String> checkpoint() {
      return saved.isEmpty() ? Optional.empty() : Optional.of(saved.getLast());
    }

    @Override
    public Optional<ReviewSignal> reviewSignal() {
      return Optional.empty();
    }

    @Override
    public void saveCheckpoint(String checkpoint) {
      saved.add(checkpoint);
    }

    @Override
    public void progress(double fraction, String message) {
      progress.add(message);
    }

    @Override
    public boolean isCancelled() {
      return false;
    }
  }
}

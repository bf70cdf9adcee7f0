package dev.reelforge.publish;

import dev.reelforge.core.jobs.api.PipelineDefinition;
import dev.reelforge.core.jobs.api.RegisteredPipeline;
import dev.reelforge.core.jobs.api.RetryPolicy;
import dev.reelforge.core.jobs.api.StageDefinition;
import dev.reelforge.core.publish.AccountAccess;
import dev.reelforge.core.publish.PublicationStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The publish pipeline (kind {@code publish}): one stage, {@code upload}, on the {@code publish}
 * queue, one run per publication target. Seed 002's retries (three attempts with a growing wait)
 * are the stage's retry policy; waiting for a schedule, a quota window or a processing platform
 * does not spend an attempt.
 */
public final class PublishPipeline {

  public static final String KIND = "publish";
  public static final String STAGE = "upload";
  public static final String QUEUE = "publish";

  /** Seed 002: at most three attempts, 30 s then 2 min apart. */
  public static final RetryPolicy RETRY =
      new RetryPolicy(3, Duration.ofSeconds(30), Duration.ofMinutes(5), 4.0, 0.2);

  /** One call of a publisher: a chunked upload of a few hundred megabytes at worst. */
  public static final Duration TIMEOUT = Duration.ofMinutes(30);

  private final UploadStage stage;
  private final RetryPolicy retry;

  public PublishPipeline(
      PublicationStore store,
      Publishers publishers,
      PublishSources sources,
      AccountAccess accounts,
      QuotaCalendars quotas,
      LicenceGate licences,
      PublishAlerts alerts,
      RetryPolicy retry,
      Clock clock) {
    this.retry = retry;
    this.stage =
        new UploadStage(
            store, publishers, sources, accounts, quotas, licences, alerts, retry, clock);
  }

  public RegisteredPipeline registered() {
    return new RegisteredPipeline(definition(retry), Map.of(STAGE, stage::run));
  }

  public static PipelineDefinition definition(RetryPolicy retry) {
    return PipelineDefinition.of(
        KIND, java.util.List.of(StageDefinition.of(STAGE, QUEUE).retry(retry).timeout(TIMEOUT)));
  }
}

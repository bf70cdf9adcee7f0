package dev.reelforge.mediagen;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.SubmitRequest;
import dev.reelforge.core.jobs.spi.RunQuery;
import dev.reelforge.core.jobs.spi.RunRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Image and video jobs as a user starts and reads them (seed 004 §4–5): each job is a run of the
 * job engine (its id is the job id), admitted first — quota recorded, credits priced — and debited
 * when it is accepted; the engine refunds the credits once if the run fails or is cancelled. A job
 * is seen by its owner only: another user's id, or a job of the other kind, is not found.
 */
public final class MediaJobs {

  /** Whether a user may start a job now, and what it costs (the app's quotas and credits). */
  public interface Admission {

    /**
     * Admits one image job.
     *
     * @return its price in credits
     * @throws ReelForgeException QUOTA_EXCEEDED past a quota
     */
    long image(UUID owner);

    /**
     * Admits one video job of {@code seconds}.
     *
     * @return its price in credits
     */
    long video(UUID owner, int seconds);
  }

  /** The kinds of job, as runs and routes name them. */
  public static final String IMAGE = "image";

  public static final String VIDEO = "video";

  private final JobService jobs;
  private final Admission admission;

  public MediaJobs(JobService jobs, Admission admission) {
    this.jobs = jobs;
    this.admission = admission;
  }

  /** Starts an image job; a repeated idempotency key returns the first job. */
  public RunRecord submitImage(UUID owner, ImageJobInput input, Optional<String> idempotencyKey) {
    long credits = admission.image(owner);
    return submit(owner, IMAGE, MediaJson.write(input), idempotencyKey, credits);
  }

  /** Starts a video job; a repeated idempotency key returns the first job. */
  public RunRecord submitVideo(UUID owner, VideoJobInput input, Optional<String> idempotencyKey) {
    long credits = admission.video(owner, input.durationS());
    return submit(owner, VIDEO, MediaJson.write(input), idempotencyKey, credits);
  }

  /**
   * The owner's job of {@code kind}.
   *
   * @throws ReelForgeException RESOURCE_NOT_FOUND for an unknown id, another user's job or a job of
   *     the other kind
   */
  public RunRecord job(UUID owner, String kind, UUID id) {
    RunRecord run;
    try {
      run = jobs.run(id);
    } catch (ReelForgeException e) {
      throw ReelForgeException.notFound("Job", id);
    }
    if (!run.ownerId().equals(owner) || !run.kind().equals(kind)) {
      throw ReelForgeException.notFound("Job", id);
    }
    return run;
  }

  /** The owner's newest jobs of {@code kind}, at most {@code limit}. */
  public List<RunRecord> jobs(UUID owner, String kind, int limit) {
    return jobs.runs(RunQuery.all(limit).ownedBy(owner).ofKind(kind));
  }

  private RunRecord submit(
      UUID owner, String kind, String inputs, Optional<String> key, long credits) {
    SubmitRequest request =
        new SubmitRequest(owner, kind, inputs, 0, key.map(k -> kind + ":" + k), credits);
    return jobs.submit(request).run();
  }
}

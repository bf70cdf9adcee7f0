package dev.reelforge.core.jobs.api;

/**
 * The work of one stage. Called on a worker thread with a timeout; must react to interruption or
 * {@link StageContext#isCancelled()} (cancellation and timeouts interrupt it).
 *
 * <p>Returning a {@link StageResult} says what happens next. Throwing a {@link
 * dev.reelforge.core.error.ReelForgeException} that is not retryable fails the task for good; any
 * other exception counts as a failed attempt and is retried under the stage's policy.
 */
@FunctionalInterface
public interface StageHandler {

  StageResult execute(StageContext context) throws Exception;
}

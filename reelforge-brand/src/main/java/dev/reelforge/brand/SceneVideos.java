package dev.reelforge.brand;

import java.util.UUID;

/**
 * Production of one scene's clip as a video job of the media jobs feature (its routing, fallback
 * chain, circuit breakers, retries, credits and refunds), which the app wires in: a feature knows
 * no other feature.
 */
public interface SceneVideos {

  /**
   * Starts the clip of one scene, charging its credits; the same {@code idempotencyKey} returns the
   * same job.
   *
   * @throws dev.reelforge.core.error.ReelForgeException QUOTA_EXCEEDED, INSUFFICIENT_CREDITS as the
   *     owner's limits say
   */
  UUID submit(UUID owner, Order order, String idempotencyKey);

  /**
   * Refuses production the owner cannot pay for before any scene starts: {@code scenes} clips of
   * {@code seconds} each.
   *
   * @throws dev.reelforge.core.error.ReelForgeException INSUFFICIENT_CREDITS or QUOTA_EXCEEDED
   */
  void checkAffordable(UUID owner, int scenes, int seconds);

  /** Stops a job that is not finished (its credits are refunded); nothing for a finished one. */
  void cancel(UUID owner, UUID jobId);

  /** Where the job stands. */
  State state(UUID owner, UUID jobId);

  /**
   * One scene's clip.
   *
   * @param prompt the cinematography prompt
   * @param startFrameKey the preview's {@link BrandFiles} key: the clip starts from it
   * @param engine the routed engine's name ({@link ProductionEngine#engine()})
   * @param durationS seconds
   * @param aspectRatio {@code 1:1}, {@code 9:16} or {@code 16:9}
   * @param seed repeatability
   */
  record Order(
      String prompt,
      String startFrameKey,
      String engine,
      int durationS,
      String aspectRatio,
      long seed) {}

  /** A job's state. */
  sealed interface State {}

  /** Still queued or generating. */
  record Running(double progress) implements State {}

  /**
   * Made: the clip was copied to {@code clipKey} of {@link BrandFiles}.
   *
   * @param engine the engine that made it
   * @param credits what it cost
   */
  record Done(String clipKey, double seconds, String engine, long credits) implements State {}

  /** Failed for good (its credits were refunded); {@code userAction} as the media jobs advise. */
  record Failed(String code, String message, String userAction) implements State {}
}

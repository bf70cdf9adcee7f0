package dev.reelforge.core.videogen;

import java.nio.file.Path;

/**
 * Makes a short clip from a prompt, optionally animating a start frame towards an end frame.
 * Implementations: the offline motion engine ({@code local}), Kling, Luma, Runway and Google Veo.
 *
 * <p>Vendors work for minutes, so the port is split into {@link #submit} and {@link #poll}: a
 * caller submits once, keeps the returned {@link PendingVideo} (a job engine keeps it as the task's
 * checkpoint) and polls after {@link PendingVideo#pollAfter()} — never sleeping in between — until
 * it gets a {@link VideoProgress.Done}. A generator that works in-process may answer {@code Done}
 * from {@code submit} at once.
 *
 * <p>Contract (checked by {@code VideoGeneratorContract} in the testkit): the file of a finished
 * clip is an H.264 MP4 of the returned size and duration (at most {@link
 * VideoRequest#MAX_DURATION_SECONDS}), inside the given directory, with a licence; polling a
 * pending job again after a restart (a new instance with the same settings) continues it without
 * submitting again.
 *
 * <p>Failures are {@link dev.reelforge.core.error.ReelForgeException}s: {@code CONTENT_REFUSED}
 * when the vendor's safety filter refuses the prompt, an image or the result; {@code
 * EXTERNAL_RATE_LIMIT} when the vendor is busy; {@code PRODUCTION_TIMEOUT} when a job runs past the
 * vendor's deadline; other external-API codes for the rest.
 */
public interface VideoGenerator {

  /** The engine's configuration name: {@code local}, {@code kling}, {@code luma}, … */
  String name();

  /** Starts generating {@code request}; files go into {@code directory}. */
  VideoProgress submit(VideoRequest request, Path directory);

  /** Asks how {@code pending} is doing; a finished clip is downloaded into {@code directory}. */
  VideoProgress poll(PendingVideo pending, Path directory);

  /** Best effort: stops a job nobody waits for any more (the vendor may bill it otherwise). */
  void cancel(PendingVideo pending);
}

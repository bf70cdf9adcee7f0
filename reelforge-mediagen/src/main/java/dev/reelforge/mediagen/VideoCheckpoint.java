package dev.reelforge.mediagen;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.videogen.PendingVideo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a video job stands between two executions of its stage, saved as the task's checkpoint
 * (JSON through {@link MediaJson}): the engines it asks in order, which one it is at and how many
 * retries that one has had, the vendor's job it waits for (kept right after the submit, so a job
 * resumed after a restart polls instead of submitting again), and what failed so far.
 *
 * @param chain the engines in order, the first asked for
 * @param engineIndex the position in {@code chain} of the engine now asked
 * @param retriesUsed submits to that engine after its first one
 * @param pending the vendor's job waited for; null when none
 * @param submittedAt when {@code pending} was submitted, by our clock (its deadline counts from
 *     here); null when none
 * @param trial whether {@code pending} is the trial job of its engine's half-open circuit
 * @param enginesTried every engine a job was submitted to, in order, each once
 * @param failures what failed so far, in order
 */
record VideoCheckpoint(
    List<String> chain,
    int engineIndex,
    int retriesUsed,
    PendingVideo pending,
    Instant submittedAt,
    boolean trial,
    List<String> enginesTried,
    List<EngineFailure> failures,
    int pollErrors) {

  VideoCheckpoint {
    chain = List.copyOf(chain);
    enginesTried = List.copyOf(Objects.requireNonNullElse(enginesTried, List.of()));
    failures = List.copyOf(Objects.requireNonNullElse(failures, List.of()));
  }

  static VideoCheckpoint start(List<String> chain) {
    return new VideoCheckpoint(chain, 0, 0, null, null, false, List.of(), List.of(), 0);
  }

  static VideoCheckpoint read(String json) {
    return MediaJson.read(json, VideoCheckpoint.class);
  }

  String write() {
    return MediaJson.write(this);
  }

  boolean spent() {
    return engineIndex >= chain.size();
  }

  /** The engine now asked; only while not {@link #spent()}. */
  String engine() {
    return chain.get(engineIndex);
  }

  /** A job was submitted to the engine now asked and is waited for. */
  VideoCheckpoint submitted(PendingVideo job, Instant at, boolean isTrial) {
    return new VideoCheckpoint(
        chain, engineIndex, retriesUsed, job, at, isTrial, enginesTried, failures, 0);
  }

  /** The engine is asked now: it joins the engines tried (once). */
  VideoCheckpoint asking() {
    List<String> tried = new ArrayList<>(enginesTried);
    if (!tried.contains(engine())) {
      tried.add(engine());
    }
    return new VideoCheckpoint(
        chain, engineIndex, retriesUsed, pending, submittedAt, trial, tried, failures, 0);
  }

  /** The pending job after a poll that found it still running. */
  VideoCheckpoint polled(PendingVideo job) {
    return new VideoCheckpoint(
        chain, engineIndex, retriesUsed, job, submittedAt, trial, enginesTried, failures, 0);
  }

  /** The same pending job after a poll that could not get an answer. */
  VideoCheckpoint pollFailed() {
    return new VideoCheckpoint(
        chain,
        engineIndex,
        retriesUsed,
        pending,
        submittedAt,
        trial,
        enginesTried,
        failures,
        pollErrors + 1);
  }

  /** The engine now asked failed; the next step (retry or next engine) comes after. */
  VideoCheckpoint failed(ErrorCode code, String message) {
    List<EngineFailure> all = new ArrayList<>(failures);
    all.add(new EngineFailure(engine(), code, message));
    return new VideoCheckpoint(
        chain, engineIndex, retriesUsed, null, null, false, enginesTried, all, 0);
  }

  /** The same engine gets another submit. */
  VideoCheckpoint retrying() {
    return new VideoCheckpoint(
        chain, engineIndex, retriesUsed + 1, null, null, false, enginesTried, failures, 0);
  }

  /** The next engine of the chain is asked. */
  VideoCheckpoint nextEngine() {
    return new VideoCheckpoint(
        chain, engineIndex + 1, 0, null, null, false, enginesTried, failures, 0);
  }
}

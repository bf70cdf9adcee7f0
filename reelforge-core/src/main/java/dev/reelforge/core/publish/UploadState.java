package dev.reelforge.core.publish;

import java.util.Optional;

/**
 * What a {@link Publisher} keeps of one upload between calls, across retries and restarts: written
 * through at once (the job engine's checkpoint), so a process killed mid-upload resumes the same
 * session.
 */
public interface UploadState {

  Optional<String> get(String key);

  /** Stores {@code value} under {@code key} durably before returning. */
  void put(String key, String value);

  /** Forgets {@code key} (an expired session the next call must start again). */
  void remove(String key);

  /** Reports progress between 0 and 1 with a short message. */
  void progress(double fraction, String message);

  /** Whether the publication was cancelled: stop between chunks. */
  boolean cancelled();
}

package dev.reelforge.publish;

import dev.reelforge.core.jobs.api.StageContext;
import dev.reelforge.core.publish.UploadState;
import java.util.Map;
import java.util.Optional;

/**
 * A publisher's upload state kept as the upload task's checkpoint: every {@link #put} is saved in
 * the job store before it returns, so a retry, a resumed run or another node after a kill continues
 * the same upload session.
 */
final class CheckpointState implements UploadState {

  /** The key the stage marks its quota reservation with (a publisher never uses it). */
  static final String QUOTA_RESERVED = "reelforge.quota";

  private final StageContext context;
  private final Map<String, String> values;

  CheckpointState(StageContext context) {
    this.context = context;
    this.values = PublishJson.state(context.checkpoint().orElse(""));
  }

  @Override
  public synchronized Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  @Override
  public synchronized void put(String key, String value) {
    values.put(key, value);
    context.saveCheckpoint(PublishJson.state(values));
  }

  @Override
  public synchronized void remove(String key) {
    if (values.remove(key) != null) {
      context.saveCheckpoint(PublishJson.state(values));
    }
  }

  @Override
  public void progress(double fraction, String message) {
    context.progress(fraction, message);
  }

  @Override
  public boolean cancelled() {
    return context.isCancelled();
  }

  /** Whether the platform holds anything of this upload yet (a session, a container). */
  synchronized boolean started() {
    return values.keySet().stream().anyMatch(k -> !k.equals(QUOTA_RESERVED));
  }

  synchronized String json() {
    return PublishJson.state(values);
  }
}

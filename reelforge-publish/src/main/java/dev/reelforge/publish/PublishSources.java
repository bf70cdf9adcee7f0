package dev.reelforge.publish;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a run's finished video comes from: the app reads a story run's manifest and fetches its
 * files from the blob store.
 */
public interface PublishSources {

  /**
   * The formats a finished run of {@code ownerId}'s offers, e.g. {@code [tiktok, youtube]}; empty
   * when the run is another's, unfinished, or of a kind that makes no video.
   */
  List<String> formats(UUID ownerId, UUID runId);

  /** What the run says, for the copy. */
  Optional<RunCopy> copy(UUID ownerId, UUID runId);

  /**
   * The run's files in {@code format}, copied to local disk; the caller closes the lease when done.
   *
   * @return empty when the run is not the owner's, has not succeeded or has no such format
   */
  Optional<Lease> open(UUID ownerId, UUID runId, String format);

  /** Local copies of a run's files, deleted on close. */
  interface Lease extends AutoCloseable {
    SourceMedia media();

    @Override
    void close();
  }
}

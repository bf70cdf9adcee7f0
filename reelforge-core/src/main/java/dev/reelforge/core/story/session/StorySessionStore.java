package dev.reelforge.core.story.session;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where story sessions live. Every read and write is scoped to the owner. */
public interface StorySessionStore {

  /** Stores a new session at version 1. */
  StoredSession create(String id, UUID ownerId, String document);

  /** The owner's newest sessions (not deleted), newest first, at most {@code limit}. */
  List<StoredSession> recent(UUID ownerId, int limit);

  /** The owner's session; empty for another owner's session, as for one that does not exist. */
  Optional<StoredSession> find(UUID ownerId, String id);

  /**
   * Replaces the document when the stored version is still {@code expectedVersion}.
   *
   * @return the updated session, or empty when it was changed in between (or is not the owner's)
   */
  Optional<StoredSession> update(UUID ownerId, String id, long expectedVersion, String document);

  /**
   * Soft-deletes the owner's session (seed 001 §5.5): it answers as absent from then on; the row
   * stays until its owner's data is erased.
   *
   * @return false when there is no such session of this owner
   */
  boolean delete(UUID ownerId, String id);
}

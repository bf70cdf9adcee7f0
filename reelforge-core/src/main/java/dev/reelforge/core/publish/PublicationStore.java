package dev.reelforge.core.publish;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Publications and their targets: PostgreSQL on servers, in memory for the command line. Both held
 * to the testkit's {@code PublicationStoreContract}.
 */
public interface PublicationStore {

  /** Stores a new publication with its targets. */
  void create(Publication publication);

  /** The publication, whoever owns it (callers check ownership). */
  Optional<Publication> find(UUID publicationId);

  /** The publication that holds {@code targetId}. */
  Optional<Publication> findByTarget(UUID targetId);

  /** An owner's publications, newest first. */
  List<Publication> list(UUID ownerId, int limit);

  /** The publications of one run, newest first. */
  List<Publication> ofRun(UUID runId);

  /**
   * Targets scheduled or deferred into {@code [from, to)} (by {@code scheduleAt} or {@code
   * deferredUntil}), of one owner or, with {@code ownerId} empty, of everyone: the calendar.
   */
  List<PublicationTarget> calendar(Optional<UUID> ownerId, Instant from, Instant to);

  /** Targets in {@code SCHEDULED} whose time has come, oldest first, at most {@code limit}. */
  List<PublicationTarget> due(Instant now, int limit);

  /**
   * Changes one target atomically (a row lock across nodes), answering the stored result.
   *
   * @throws dev.reelforge.core.error.ReelForgeException RESOURCE_NOT_FOUND for an unknown target
   */
  PublicationTarget updateTarget(UUID targetId, UnaryOperator<PublicationTarget> change);

  /** Deletes an owner's publications (right to delete). */
  int deleteOwner(UUID ownerId);
}

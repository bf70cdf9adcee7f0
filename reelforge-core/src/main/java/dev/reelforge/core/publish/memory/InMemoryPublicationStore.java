package dev.reelforge.core.publish.memory;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.Publication;
import dev.reelforge.core.publish.PublicationStore;
import dev.reelforge.core.publish.PublicationTarget;
import dev.reelforge.core.publish.TargetStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * {@link PublicationStore} in this process's memory, for the command line. It behaves as {@code
 * PostgresPublicationStore} does — both pass {@code PublicationStoreContract} in the testkit — and
 * gives times back as PostgreSQL does, to the microsecond. One lock guards everything: a target's
 * change function runs under it, so it must not call back into the store.
 */
public final class InMemoryPublicationStore implements PublicationStore {

  private static final Comparator<Publication> NEWEST_FIRST =
      Comparator.comparing(Publication::createdAt)
          .thenComparing(Publication::id, StoredValues::unsigned)
          .reversed();

  private final Map<UUID, Publication> publications = new HashMap<>();
  private final Map<UUID, UUID> publicationOfTarget = new HashMap<>();

  @Override
  public synchronized void create(Publication publication) {
    Publication stored = StoredValues.stored(publication);
    if (publications.containsKey(stored.id())) {
      throw new ReelForgeException(
          ErrorCode.CONFLICT, "a publication with id " + stored.id() + " exists already");
    }
    for (PublicationTarget target : stored.targets()) {
      if (publicationOfTarget.containsKey(target.id())) {
        throw new ReelForgeException(
            ErrorCode.CONFLICT, "a publication target with id " + target.id() + " exists already");
      }
    }
    publications.put(stored.id(), stored);
    stored.targets().forEach(t -> publicationOfTarget.put(t.id(), stored.id()));
  }

  @Override
  public synchronized Optional<Publication> find(UUID publicationId) {
    return Optional.ofNullable(publications.get(publicationId));
  }

  @Override
  public synchronized Optional<Publication> findByTarget(UUID targetId) {
    return Optional.ofNullable(publicationOfTarget.get(targetId)).map(publications::get);
  }

  @Override
  public synchronized List<Publication> list(UUID ownerId, int limit) {
    return publications.values().stream()
        .filter(p -> p.ownerId().equals(ownerId))
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<Publication> ofRun(UUID runId) {
    return publications.values().stream()
        .filter(p -> p.runId().equals(runId))
        .sorted(NEWEST_FIRST)
        .toList();
  }

  @Override
  public synchronized List<PublicationTarget> calendar(
      Optional<UUID> ownerId, Instant since, Instant until) {
    Instant from = StoredValues.micros(since);
    Instant to = StoredValues.micros(until);
    return publications.values().stream()
        .filter(p -> ownerId.map(p.ownerId()::equals).orElse(true))
        .flatMap(p -> p.targets().stream())
        .filter(t -> Calendar.placed(t, from, to).isPresent())
        .sorted(
            Comparator.comparing(
                    (PublicationTarget t) -> Calendar.placed(t, from, to).orElseThrow())
                .thenComparing(PublicationTarget::id, StoredValues::unsigned))
        .toList();
  }

  @Override
  public synchronized List<PublicationTarget> due(Instant asOf, int limit) {
    Instant now = StoredValues.micros(asOf);
    return publications.values().stream()
        .flatMap(p -> p.targets().stream())
        .filter(t -> t.status() == TargetStatus.SCHEDULED)
        .filter(t -> t.scheduleAt().map(at -> !at.isAfter(now)).orElse(true))
        .sorted(
            Comparator.comparing(
                    (PublicationTarget t) -> t.scheduleAt().orElse(null),
                    Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                .thenComparing(PublicationTarget::id, StoredValues::unsigned))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized PublicationTarget updateTarget(
      UUID targetId, UnaryOperator<PublicationTarget> change) {
    UUID publicationId = publicationOfTarget.get(targetId);
    if (publicationId == null) {
      throw ReelForgeException.notFound("publication target", targetId);
    }
    Publication publication = publications.get(publicationId);
    List<PublicationTarget> targets = new ArrayList<>(publication.targets());
    int index = indexOf(targets, targetId);
    PublicationTarget before = targets.get(index);
    PublicationTarget after =
        StoredValues.stored(StoredValues.sameIdentity(before, change.apply(before)));
    targets.set(index, after);
    publications.put(
        publicationId,
        new Publication(
            publication.id(),
            publication.ownerId(),
            publication.runId(),
            publication.format(),
            publication.createdAt(),
            targets));
    return after;
  }

  private static int indexOf(List<PublicationTarget> targets, UUID targetId) {
    for (int i = 0; i < targets.size(); i++) {
      if (targets.get(i).id().equals(targetId)) {
        return i;
      }
    }
    throw new IllegalStateException("target " + targetId + " is indexed but not stored");
  }

  @Override
  public synchronized int deleteOwner(UUID ownerId) {
    List<Publication> owned =
        publications.values().stream().filter(p -> p.ownerId().equals(ownerId)).toList();
    for (Publication publication : owned) {
      publications.remove(publication.id());
      publication.targets().forEach(t -> publicationOfTarget.remove(t.id()));
    }
    return owned.size();
  }

  /**
   * Where a target stands on the calendar of {@code [from, to)}, as PostgreSQL's store orders it.
   */
  static final class Calendar {
    private Calendar() {}

    /**
     * The time that puts the target in the range: its deferral when that falls inside, else its
     * schedule when that does; empty when neither does.
     */
    static Optional<Instant> placed(PublicationTarget target, Instant from, Instant to) {
      Optional<Instant> deferred = target.deferredUntil().filter(at -> within(at, from, to));
      return deferred.isPresent()
          ? deferred
          : target.scheduleAt().filter(at -> within(at, from, to));
    }

    private static boolean within(Instant at, Instant from, Instant to) {
      return !at.isBefore(from) && at.isBefore(to);
    }
  }
}

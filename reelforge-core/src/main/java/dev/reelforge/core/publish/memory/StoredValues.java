package dev.reelforge.core.publish.memory;

import dev.reelforge.core.publish.Publication;
import dev.reelforge.core.publish.PublicationTarget;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Publications as PostgreSQL's tables (V12) give them back — times to the microsecond — and the
 * checks both stores make before storing, so that the two stores answer alike.
 */
final class StoredValues {

  private StoredValues() {}

  /**
   * The publication as stored.
   *
   * @throws IllegalArgumentException when a target names another publication
   */
  static Publication stored(Publication publication) {
    for (PublicationTarget target : publication.targets()) {
      if (!target.publicationId().equals(publication.id())) {
        throw new IllegalArgumentException(
            "target " + target.id() + " belongs to publication " + target.publicationId());
      }
    }
    return new Publication(
        publication.id(),
        publication.ownerId(),
        publication.runId(),
        publication.format(),
        micros(publication.createdAt()),
        publication.targets().stream().map(StoredValues::stored).toList());
  }

  static PublicationTarget stored(PublicationTarget target) {
    return new PublicationTarget(
        target.id(),
        target.publicationId(),
        target.platform(),
        target.accountId(),
        target.metadata(),
        target.privacy(),
        target.scheduleAt().map(StoredValues::micros),
        target.status(),
        target.jobRunId(),
        target.postId(),
        target.url(),
        target.message(),
        target.deferredUntil().map(StoredValues::micros),
        micros(target.updatedAt()));
  }

  /**
   * {@code after}, when it is still the target {@code before} was.
   *
   * @throws IllegalArgumentException when a change moved the target to another id, publication or
   *     platform: a target's identity never changes
   */
  static PublicationTarget sameIdentity(PublicationTarget before, PublicationTarget after) {
    if (after == null
        || !after.id().equals(before.id())
        || !after.publicationId().equals(before.publicationId())
        || after.platform() != before.platform()) {
      throw new IllegalArgumentException(
          "a change to target " + before.id() + " may not change its id, publication or platform");
    }
    return after;
  }

  /** PostgreSQL keeps microseconds, rounding the nanoseconds half up (as the driver binds them). */
  static Instant micros(Instant instant) {
    return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
  }

  /** UUIDs in PostgreSQL's order (unsigned bytes), so that ties in time sort alike. */
  static int unsigned(UUID a, UUID b) {
    int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
  }
}

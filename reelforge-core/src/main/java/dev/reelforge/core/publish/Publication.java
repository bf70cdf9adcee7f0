package dev.reelforge.core.publish;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A request to post one finished run's video, in one format, to one or more platforms.
 *
 * @param id its id
 * @param ownerId who asked (the run's owner)
 * @param runId the finished run whose video is posted
 * @param format the run's output format posted, e.g. {@code tiktok}
 * @param createdAt when it was asked for
 * @param targets one per platform, each with its own status
 */
public record Publication(
    UUID id,
    UUID ownerId,
    UUID runId,
    String format,
    Instant createdAt,
    List<PublicationTarget> targets) {

  public Publication {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(createdAt, "createdAt");
    targets = List.copyOf(targets);
  }

  /** The publication's status in one word: its targets' summed up. */
  public String status() {
    if (targets.stream().allMatch(t -> t.status() == TargetStatus.PUBLISHED)) {
      return "published";
    }
    if (targets.stream().allMatch(t -> t.status().finished())) {
      return targets.stream().anyMatch(t -> t.status() == TargetStatus.PUBLISHED)
          ? "partially_published"
          : targets.stream().allMatch(t -> t.status() == TargetStatus.CANCELLED)
              ? "cancelled"
              : "failed";
    }
    return "in_progress";
  }
}

package dev.reelforge.testkit.publish;

import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.PostMetadata;
import dev.reelforge.core.publish.Publication;
import dev.reelforge.core.publish.PublicationTarget;
import dev.reelforge.core.publish.TargetStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Publications and targets for tests. */
public final class PublicationRecords {

  private PublicationRecords() {}

  /** Copy with the characters JSON and SQL escape, several scripts and an emoji. */
  public static PostMetadata awkwardCopy() {
    return new PostMetadata(
        "Bees \"at\" dawn — 蜂 🐝",
        "Line one\nline two, with a back\\slash and 'quotes'",
        List.of("honey", "ab,c", "bienen_stock", "蜂蜜"),
        "de-CH");
  }

  public static PostMetadata copy(String title) {
    return new PostMetadata(title, "About " + title, List.of("shorts"), "en-US");
  }

  /** A publication whose targets are made by {@code targets} from its id. */
  public static Publication publication(
      UUID ownerId,
      UUID runId,
      Instant createdAt,
      Function<UUID, List<PublicationTarget>> targets) {
    UUID id = UUID.randomUUID();
    return new Publication(id, ownerId, runId, "tiktok", createdAt, targets.apply(id));
  }

  /** A target queued now, with no schedule. */
  public static PublicationTarget target(UUID publicationId, Platform platform, Instant at) {
    return new PublicationTarget(
        UUID.randomUUID(),
        publicationId,
        platform,
        platform.needsAccount() ? Optional.of(UUID.randomUUID()) : Optional.empty(),
        copy(platform.key()),
        "public",
        Optional.empty(),
        TargetStatus.QUEUED,
        Optional.empty(),
        "",
        "",
        "",
        Optional.empty(),
        at);
  }

  /** A target scheduled for {@code scheduleAt}. */
  public static PublicationTarget scheduled(
      UUID publicationId, Platform platform, Instant scheduleAt, Instant at) {
    PublicationTarget queued = target(publicationId, platform, at);
    return new PublicationTarget(
        queued.id(),
        publicationId,
        platform,
        queued.accountId(),
        queued.metadata(),
        "unlisted",
        Optional.of(scheduleAt),
        TargetStatus.SCHEDULED,
        Optional.empty(),
        "",
        "",
        "",
        Optional.empty(),
        at);
  }

  /** {@code target} with another message, as a change function writes it. */
  public static PublicationTarget withMessage(PublicationTarget target, String message) {
    return new PublicationTarget(
        target.id(),
        target.publicationId(),
        target.platform(),
        target.accountId(),
        target.metadata(),
        target.privacy(),
        target.scheduleAt(),
        target.status(),
        target.jobRunId(),
        target.postId(),
        target.url(),
        message,
        target.deferredUntil(),
        target.updatedAt());
  }

  /** {@code target} moved to another platform: a change no store accepts. */
  public static PublicationTarget onPlatform(PublicationTarget target, Platform platform) {
    return new PublicationTarget(
        target.id(),
        target.publicationId(),
        platform,
        target.accountId(),
        target.metadata(),
        target.privacy(),
        target.scheduleAt(),
        target.status(),
        target.jobRunId(),
        target.postId(),
        target.url(),
        target.message(),
        target.deferredUntil(),
        target.updatedAt());
  }
}

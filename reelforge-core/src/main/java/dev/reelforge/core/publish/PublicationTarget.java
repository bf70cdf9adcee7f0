package dev.reelforge.core.publish;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One platform of a publication, with its own status: one platform failing never fails another.
 *
 * @param id the target's id (what a publisher keys its idempotency by)
 * @param publicationId the publication it belongs to
 * @param platform where it goes
 * @param accountId the connected account (empty for the local folder)
 * @param metadata the copy, checked against the platform's limits
 * @param privacy {@code public}, {@code unlisted} or {@code private}
 * @param scheduleAt when to publish; empty for now
 * @param status where it stands
 * @param jobRunId the job-engine run uploading it, once queued
 * @param postId the platform's id once published
 * @param url where people see it once published
 * @param message the last error, or why it waits (deferred, processing)
 * @param deferredUntil when a deferred target resumes
 * @param updatedAt when it last changed
 */
public record PublicationTarget(
    UUID id,
    UUID publicationId,
    Platform platform,
    Optional<UUID> accountId,
    PostMetadata metadata,
    String privacy,
    Optional<Instant> scheduleAt,
    TargetStatus status,
    Optional<UUID> jobRunId,
    String postId,
    String url,
    String message,
    Optional<Instant> deferredUntil,
    Instant updatedAt) {

  public PublicationTarget {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(publicationId, "publicationId");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(metadata, "metadata");
    privacy = privacy == null || privacy.isBlank() ? "public" : privacy;
    Objects.requireNonNull(scheduleAt, "scheduleAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(jobRunId, "jobRunId");
    postId = Objects.requireNonNullElse(postId, "");
    url = Objects.requireNonNullElse(url, "");
    message = Objects.requireNonNullElse(message, "");
    Objects.requireNonNull(deferredUntil, "deferredUntil");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public PublicationTarget withStatus(TargetStatus next, String why, Instant at) {
    return new PublicationTarget(
        id,
        publicationId,
        platform,
        accountId,
        metadata,
        privacy,
        scheduleAt,
        next,
        jobRunId,
        postId,
        url,
        why,
        next == TargetStatus.DEFERRED ? deferredUntil : Optional.empty(),
        at);
  }

  public PublicationTarget deferred(Instant until, String why, Instant at) {
    return new PublicationTarget(
        id,
        publicationId,
        platform,
        accountId,
        metadata,
        privacy,
        scheduleAt,
        TargetStatus.DEFERRED,
        jobRunId,
        postId,
        url,
        why,
        Optional.of(until),
        at);
  }

  public PublicationTarget published(String platformPostId, String postUrl, Instant at) {
    return new PublicationTarget(
        id,
        publicationId,
        platform,
        accountId,
        metadata,
        privacy,
        scheduleAt,
        TargetStatus.PUBLISHED,
        jobRunId,
        platformPostId,
        postUrl,
        "",
        Optional.empty(),
        at);
  }

  public PublicationTarget queuedAs(UUID runId, Instant at) {
    return new PublicationTarget(
        id,
        publicationId,
        platform,
        accountId,
        metadata,
        privacy,
        scheduleAt,
        TargetStatus.QUEUED,
        Optional.of(runId),
        postId,
        url,
        "",
        Optional.empty(),
        at);
  }

  public PublicationTarget withMetadata(PostMetadata copy, Instant at) {
    return new PublicationTarget(
        id,
        publicationId,
        platform,
        accountId,
        copy,
        privacy,
        scheduleAt,
        status,
        jobRunId,
        postId,
        url,
        message,
        deferredUntil,
        at);
  }
}

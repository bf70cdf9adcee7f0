package dev.reelforge.publish;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.api.RetryPolicy;
import dev.reelforge.core.jobs.api.StageContext;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.core.publish.AccountAccess;
import dev.reelforge.core.publish.AccountCredentials;
import dev.reelforge.core.publish.Publication;
import dev.reelforge.core.publish.PublicationStore;
import dev.reelforge.core.publish.PublicationTarget;
import dev.reelforge.core.publish.PublishItem;
import dev.reelforge.core.publish.PublishOutcome;
import dev.reelforge.core.publish.Publisher;
import dev.reelforge.core.publish.TargetStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The upload stage: one target of a publication to its platform. In order: wait for the target's
 * time; the licence gate again (evidence may have changed since the request); the platform's quota
 * (past it, the target is deferred and the task sleeps until the window opens); the account's fresh
 * credentials; then the publisher, with its session kept in the task's checkpoint. What the target
 * shows (status, message, post id) is written to the publication store at each step.
 */
final class UploadStage {

  /** The shortest pause before a processing platform is asked again. */
  private static final Duration MIN_POLL = Duration.ofMillis(200);

  private final PublicationStore store;
  private final Publishers publishers;
  private final PublishSources sources;
  private final AccountAccess accounts;
  private final QuotaCalendars quotas;
  private final LicenceGate licences;
  private final PublishAlerts alerts;
  private final RetryPolicy retry;
  private final Clock clock;

  UploadStage(
      PublicationStore store,
      Publishers publishers,
      PublishSources sources,
      AccountAccess accounts,
      QuotaCalendars quotas,
      LicenceGate licences,
      PublishAlerts alerts,
      RetryPolicy retry,
      Clock clock) {
    this.store = store;
    this.publishers = publishers;
    this.sources = sources;
    this.accounts = accounts;
    this.quotas = quotas;
    this.licences = licences;
    this.alerts = alerts;
    this.retry = retry;
    this.clock = clock;
  }

  StageResult run(StageContext ctx) {
    UUID targetId = PublishJson.targetOf(ctx.inputs());
    Publication publication =
        store
            .findByTarget(targetId)
            .orElseThrow(() -> ReelForgeException.notFound("Publication target", targetId));
    PublicationTarget target = target(publication, targetId);
    if (target.status() == TargetStatus.PUBLISHED) {
      return StageResult.completed(PublishJson.output(target.postId(), target.url()));
    }
    if (target.status() == TargetStatus.CANCELLED) {
      return StageResult.failed(
          new ReelForgeException(ErrorCode.CONFLICT, "the publication was cancelled"));
    }
    Instant now = clock.instant();
    if (target.scheduleAt().filter(now::isBefore).isPresent()) {
      Instant at = target.scheduleAt().get();
      update(targetId, t -> t.withStatus(TargetStatus.SCHEDULED, "scheduled", now));
      return StageResult.retryLater(Duration.between(now, at));
    }
    CheckpointState state = new CheckpointState(ctx);
    try {
      return upload(ctx, publication, target, state);
    } catch (ReelForgeException e) {
      return failed(ctx, publication, targetId, state, e);
    } catch (RuntimeException e) {
      return failed(
          ctx,
          publication,
          targetId,
          state,
          new ReelForgeException(ErrorCode.INTERNAL_ERROR, String.valueOf(e.getMessage()), e));
    }
  }

  private StageResult upload(
      StageContext ctx, Publication publication, PublicationTarget target, CheckpointState state) {
    List<String> refusals = licences.refusals(publication.runId());
    if (!refusals.isEmpty()) {
      throw new ReelForgeException(
          ErrorCode.CONTENT_REFUSED,
          "publishing refused by the licence gate: " + String.join("; ", refusals),
          false,
          List.of(),
          null);
    }
    Instant now = clock.instant();
    if (state.get(CheckpointState.QUOTA_RESERVED).isEmpty()) {
      var opening = quotas.reserve(target, now);
      if (opening.isPresent()) {
        String why =
            target.platform().key()
                + "'s quota for this account is used up; resumes at "
                + opening.get();
        update(target.id(), t -> t.deferred(opening.get(), why, now));
        ctx.progress(0, why);
        return StageResult.retryLater(Duration.between(now, opening.get()));
      }
      state.put(CheckpointState.QUOTA_RESERVED, "yes");
    }
    Publisher publisher = publishers.require(target.platform(), "platform");
    AccountCredentials credentials =
        target.platform().needsAccount()
            ? accounts.credentials(
                publication.ownerId(),
                target
                    .accountId()
                    .orElseThrow(
                        () ->
                            new ReelForgeException(
                                ErrorCode.INVALID_INPUT,
                                target.platform().key() + " needs a connected account",
                                false,
                                List.of(),
                                null)),
                target.platform())
            : AccountCredentials.NONE;
    update(
        target.id(),
        t ->
            t.status() == TargetStatus.PROCESSING || t.status() == TargetStatus.CANCELLED
                ? t
                : t.withStatus(TargetStatus.UPLOADING, "uploading", now));
    PublishOutcome outcome;
    try (PublishSources.Lease lease =
        sources
            .open(publication.ownerId(), publication.runId(), publication.format())
            .orElseThrow(
                () ->
                    new ReelForgeException(
                        ErrorCode.RESOURCE_NOT_FOUND,
                        "the run's " + publication.format() + " video is no longer available",
                        false,
                        List.of(),
                        null))) {
      outcome = publisher.publish(item(target, lease.media(), publication), credentials, state);
    }
    return switch (outcome) {
      case PublishOutcome.Published published -> {
        update(target.id(), t -> t.published(published.postId(), published.url(), clock.instant()));
        ctx.progress(1, "published");
        yield StageResult.completed(PublishJson.output(published.postId(), published.url()));
      }
      case PublishOutcome.Pending pending -> {
        update(
            target.id(),
            t ->
                t.status() == TargetStatus.CANCELLED
                    ? t
                    : t.withStatus(TargetStatus.PROCESSING, pending.message(), clock.instant()));
        Duration wait =
            pending.pollAgainIn().compareTo(MIN_POLL) < 0 ? MIN_POLL : pending.pollAgainIn();
        yield StageResult.retryLater(wait, state.json());
      }
      case PublishOutcome.Deferred deferred -> {
        update(
            target.id(),
            t ->
                t.status() == TargetStatus.CANCELLED
                    ? t
                    : t.deferred(deferred.until(), deferred.reason(), clock.instant()));
        Duration wait = Duration.between(clock.instant(), deferred.until());
        yield StageResult.retryLater(wait.isNegative() ? MIN_POLL : wait, state.json());
      }
    };
  }

  private StageResult failed(
      StageContext ctx,
      Publication publication,
      UUID targetId,
      CheckpointState state,
      ReelForgeException error) {
    PublicationTarget current =
        store.findByTarget(targetId).map(p -> target(p, targetId)).orElse(null);
    if (ctx.isCancelled() || (current != null && current.status() == TargetStatus.CANCELLED)) {
      // A cancel stopped the upload between chunks: it stays cancelled, and nobody is alerted.
      return StageResult.failed(error.withRetryable(false));
    }
    boolean last = !error.retryable() || ctx.attempt() >= retry.maxAttempts();
    if (!last) {
      update(
          targetId,
          t ->
              t.status() == TargetStatus.CANCELLED
                  ? t
                  : t.withStatus(
                      t.status() == TargetStatus.PROCESSING ? t.status() : TargetStatus.UPLOADING,
                      "attempt " + ctx.attempt() + " failed, retrying: " + error.getMessage(),
                      clock.instant()));
      throw error;
    }
    PublicationTarget failed =
        update(
            targetId, t -> t.withStatus(TargetStatus.FAILED, error.getMessage(), clock.instant()));
    if (!state.started()) {
      // Nothing reached the platform: the post never counted against its quota.
      quotas.release(failed);
      state.remove(CheckpointState.QUOTA_RESERVED);
    }
    alerts.targetFailed(publication, failed, error.getMessage());
    return StageResult.failed(error.withRetryable(false));
  }

  private PublishItem item(PublicationTarget target, SourceMedia media, Publication publication) {
    return new PublishItem(
        target.id(),
        publication.format() + "-" + publication.id(),
        media.video(),
        size(media.video()),
        sha256(media.video()),
        media.thumbnail(),
        media.captions(),
        target.metadata(),
        target.privacy(),
        media.publicUrl());
  }

  private PublicationTarget update(
      UUID targetId, java.util.function.UnaryOperator<PublicationTarget> change) {
    return store.updateTarget(targetId, change);
  }

  static PublicationTarget target(Publication publication, UUID targetId) {
    return publication.targets().stream()
        .filter(t -> t.id().equals(targetId))
        .findFirst()
        .orElseThrow(() -> ReelForgeException.notFound("Publication target", targetId));
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new ReelForgeException(ErrorCode.INTERNAL_ERROR, "cannot read the video", e);
    }
  }

  static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new ReelForgeException(ErrorCode.INTERNAL_ERROR, "cannot read the video", e);
    }
  }
}

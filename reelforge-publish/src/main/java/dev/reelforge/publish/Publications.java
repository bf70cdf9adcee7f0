package dev.reelforge.publish;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.SubmitRequest;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.core.jobs.spi.TaskStatus;
import dev.reelforge.core.publish.AccountAccess;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.PostMetadata;
import dev.reelforge.core.publish.Publication;
import dev.reelforge.core.publish.PublicationStore;
import dev.reelforge.core.publish.PublicationTarget;
import dev.reelforge.core.publish.TargetStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Publications as users start and read them: what the routes, the dashboard and the command line
 * call. A publication is checked whole before anything starts (the run is the caller's and
 * finished, every platform is set up and has an account, the copy fits, the licence gate passes),
 * then each target becomes a run of the publish pipeline. Another user's publication is not found.
 */
public final class Publications {

  /** The most targets one publication may have. */
  public static final int MAX_TARGETS = 10;

  /** How far ahead a post may be scheduled. */
  public static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(366);

  private static final Set<String> PRIVACY = Set.of("public", "unlisted", "private");

  private final JobService jobs;
  private final PublicationStore store;
  private final Publishers publishers;
  private final PublishSources sources;
  private final CopyWriter copy;
  private final AccountAccess accounts;
  private final LicenceGate licences;
  private final PublishAlerts alerts;
  private final Clock clock;

  public Publications(
      JobService jobs,
      PublicationStore store,
      Publishers publishers,
      PublishSources sources,
      CopyWriter copy,
      AccountAccess accounts,
      LicenceGate licences,
      PublishAlerts alerts,
      Clock clock) {
    this.jobs = jobs;
    this.store = store;
    this.publishers = publishers;
    this.sources = sources;
    this.copy = copy;
    this.accounts = accounts;
    this.licences = licences;
    this.alerts = alerts;
    this.clock = clock;
  }

  /**
   * Checks and starts a publication (the API replays a repeated idempotency key before this).
   *
   * @throws ReelForgeException RESOURCE_NOT_FOUND for another user's or an unknown run; CONFLICT
   *     for a run that has not succeeded; INVALID_INPUT with a violation per bad field; CONTENT_
   *     REFUSED naming each item the licence gate refuses
   */
  public Publication publish(UUID owner, PublicationRequest request) {
    RunRecord run = ownRun(owner, request.runId());
    if (run.status() != RunStatus.SUCCEEDED) {
      throw new ReelForgeException(
          ErrorCode.CONFLICT,
          "only a finished run can be published; this one is " + run.status().wireName());
    }
    List<String> formats = sources.formats(owner, run.id());
    if (formats.isEmpty()) {
      throw ReelForgeException.invalidField("runId", "this run has no video to publish");
    }
    String format = request.format().map(String::strip).orElse(formats.getFirst());
    List<FieldViolation> violations = new ArrayList<>();
    if (!formats.contains(format)) {
      violations.add(
          new FieldViolation("format", "the run has no '" + format + "' video; one of " + formats));
    }
    if (request.targets().isEmpty() || request.targets().size() > MAX_TARGETS) {
      violations.add(new FieldViolation("targets", "between 1 and " + MAX_TARGETS + " targets"));
    }
    Instant now = clock.instant();
    UUID publicationId = Ids.newId(clock);
    RunCopy runCopy = sources.copy(owner, run.id()).orElseThrow();
    List<PublicationTarget> targets = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < request.targets().size(); i++) {
      String field = "targets[" + i + "]";
      CheckedTarget checked =
          target(owner, publicationId, request.targets().get(i), field, runCopy, now);
      violations.addAll(checked.violations());
      checked
          .target()
          .filter(t -> !seen.add(t.platform() + "/" + t.accountId()))
          .ifPresent(
              t ->
                  violations.add(
                      new FieldViolation(field, "each platform and account may appear only once")));
      checked.target().ifPresent(targets::add);
    }
    if (!violations.isEmpty()) {
      throw ReelForgeException.invalidInput("the publication is not valid", violations);
    }
    List<String> refusals = licences.refusals(run.id());
    if (!refusals.isEmpty()) {
      throw new ReelForgeException(
          ErrorCode.CONTENT_REFUSED,
          "publishing refused by the licence gate: " + String.join("; ", refusals),
          false,
          List.of(new FieldViolation("runId", String.join("; ", refusals))),
          null);
    }
    Publication publication = new Publication(publicationId, owner, run.id(), format, now, targets);
    store.create(publication);
    for (PublicationTarget target : targets) {
      try {
        start(owner, target);
      } catch (RuntimeException e) {
        // Started targets are under way and stay so (a replayed request must not post them
        // again); this one is marked failed with the reason, to be retried by hand.
        String why = "could not be queued: " + e.getMessage();
        store.updateTarget(
            target.id(), t -> t.withStatus(TargetStatus.FAILED, why, clock.instant()));
      }
    }
    return store.find(publicationId).orElseThrow();
  }

  /** One requested target, checked: the target when valid, and what is wrong with it. */
  private record CheckedTarget(
      Optional<PublicationTarget> target, List<FieldViolation> violations) {}

  private CheckedTarget target(
      UUID owner,
      UUID publicationId,
      PublicationRequest.Target request,
      String field,
      RunCopy runCopy,
      Instant now) {
    List<FieldViolation> found = new ArrayList<>();
    Platform platform;
    try {
      platform = Platform.of(request.platform(), field + ".platform");
      publishers.require(platform, field + ".platform");
    } catch (ReelForgeException e) {
      return new CheckedTarget(Optional.empty(), e.violations());
    }
    if (platform.needsAccount() && request.accountId().isEmpty()) {
      found.add(new FieldViolation(field + ".accountId", platform.key() + " needs an account"));
    }
    if (platform.needsAccount() && request.accountId().isPresent()) {
      try {
        accounts.credentials(owner, request.accountId().get(), platform);
      } catch (ReelForgeException e) {
        found.add(
            new FieldViolation(
                field + ".accountId",
                e.code() == ErrorCode.RESOURCE_NOT_FOUND
                    ? "no such " + platform.key() + " account of yours"
                    : e.getMessage()));
      }
    }
    String privacy = request.privacy().map(String::strip).orElse("public");
    if (!PRIVACY.contains(privacy)) {
      found.add(new FieldViolation(field + ".privacy", "one of public, unlisted, private"));
    }
    Optional<Instant> scheduleAt = request.scheduleAt();
    if (scheduleAt.isPresent() && scheduleAt.get().isAfter(now.plus(MAX_SCHEDULE_AHEAD))) {
      found.add(new FieldViolation(field + ".scheduleAt", "at most a year ahead"));
    }
    if (scheduleAt.isPresent() && scheduleAt.get().isBefore(now.minus(Duration.ofMinutes(5)))) {
      found.add(new FieldViolation(field + ".scheduleAt", "is in the past"));
    }
    String locale = request.locale().map(String::strip).filter(l -> !l.isEmpty()).orElse("en");
    if (!locale.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*")) {
      found.add(new FieldViolation(field + ".locale", "a language tag such as en or en-US"));
    }
    PostMetadata metadata =
        request
            .metadata()
            .map(m -> new PostMetadata(m.title(), m.description(), m.hashtags(), locale))
            .orElseGet(() -> copy.copyFor(runCopy, platform, locale).fit(platform));
    found.addAll(metadata.violations(platform, field + ".metadata"));
    if (!found.isEmpty()) {
      return new CheckedTarget(Optional.empty(), found);
    }
    return new CheckedTarget(
        Optional.of(
            new PublicationTarget(
                Ids.newId(clock),
                publicationId,
                platform,
                request.accountId().filter(a -> platform.needsAccount()),
                metadata,
                privacy,
                scheduleAt.filter(now::isBefore),
                scheduleAt.filter(now::isBefore).isPresent()
                    ? TargetStatus.SCHEDULED
                    : TargetStatus.QUEUED,
                Optional.empty(),
                "",
                "",
                "",
                Optional.empty(),
                now)),
        List.of());
  }

  private void start(UUID owner, PublicationTarget target) {
    SubmitRequest request =
        new SubmitRequest(
            owner,
            PublishPipeline.KIND,
            PublishJson.inputs(target.id()),
            0,
            // One run per target, whoever asks twice (a replayed request, two nodes).
            Optional.of("publish-target:" + target.id()),
            0);
    RunRecord run = jobs.submit(request).run();
    store.updateTarget(target.id(), t -> t.jobRunId().isPresent() ? t : withRun(t, run.id()));
  }

  private PublicationTarget withRun(PublicationTarget target, UUID runId) {
    PublicationTarget queued = target.queuedAs(runId, clock.instant());
    return target.status() == TargetStatus.SCHEDULED
        ? queued.withStatus(TargetStatus.SCHEDULED, "scheduled", clock.instant())
        : queued;
  }

  /**
   * The owner's publication.
   *
   * @throws ReelForgeException RESOURCE_NOT_FOUND for an unknown id or another user's
   */
  public Publication publication(UUID owner, UUID id) {
    return store
        .find(id)
        .filter(p -> p.ownerId().equals(owner))
        .orElseThrow(() -> ReelForgeException.notFound("Publication", id));
  }

  /** Any user's publication, for operators. */
  public Publication anyPublication(UUID id) {
    return store.find(id).orElseThrow(() -> ReelForgeException.notFound("Publication", id));
  }

  /** The owner's publications, newest first; of one run when {@code runId} is given. */
  public List<Publication> publications(UUID owner, Optional<UUID> runId, int limit) {
    if (runId.isPresent()) {
      return store.ofRun(runId.get()).stream()
          .filter(p -> p.ownerId().equals(owner))
          .limit(limit)
          .toList();
    }
    return store.list(owner, limit);
  }

  /** Scheduled and deferred targets in {@code [from, to)}: one owner's, or everyone's. */
  public List<PublicationTarget> calendar(Optional<UUID> owner, Instant from, Instant to) {
    if (!to.isAfter(from) || Duration.between(from, to).compareTo(Duration.ofDays(400)) > 0) {
      throw ReelForgeException.invalidField("to", "after 'from' and at most 400 days later");
    }
    // Published, failed and cancelled posts are history, not the calendar.
    return store.calendar(owner, from, to).stream().filter(t -> !t.status().finished()).toList();
  }

  /**
   * Replaces a target's copy before it is uploaded.
   *
   * @throws ReelForgeException CONFLICT once its upload has begun or ended; INVALID_INPUT when the
   *     copy breaks the platform's limits
   */
  public Publication editCopy(UUID owner, UUID publicationId, UUID targetId, PostMetadata copy) {
    Publication publication = publication(owner, publicationId);
    PublicationTarget target = UploadStage.target(publication, targetId);
    List<FieldViolation> violations = copy.violations(target.platform(), "metadata");
    if (!violations.isEmpty()) {
      throw ReelForgeException.invalidInput(
          "the copy does not fit " + target.platform().key(), violations);
    }
    store.updateTarget(
        targetId,
        t -> {
          if (!editable(t.status())) {
            throw new ReelForgeException(
                ErrorCode.CONFLICT,
                "the copy can no longer change: the target is " + t.status().wire());
          }
          return t.withMetadata(copy, clock.instant());
        });
    return publication(owner, publicationId);
  }

  /**
   * Before its upload begins. A failed target is not editable: its platform may already hold a
   * session opened with the old copy, which a retry resumes (publish again to post new words).
   */
  private static boolean editable(TargetStatus status) {
    return status == TargetStatus.SCHEDULED
        || status == TargetStatus.QUEUED
        || status == TargetStatus.DEFERRED;
  }

  /**
   * Tries a failed target again by hand: its upload task gets a fresh set of attempts and goes on
   * from its saved session, so nothing is posted twice.
   *
   * @throws ReelForgeException CONFLICT when the target has not failed
   */
  public Publication retry(UUID owner, UUID publicationId, UUID targetId, String actor) {
    Publication publication = publication(owner, publicationId);
    PublicationTarget target = UploadStage.target(publication, targetId);
    if (target.status() != TargetStatus.FAILED) {
      throw new ReelForgeException(
          ErrorCode.CONFLICT,
          "only a failed target can be retried; this one is " + target.status().wire());
    }
    // Claimed first, only while still failed: a worker finishing in between keeps its result,
    // and the run-end follower cannot turn the claimed target back to failed.
    boolean[] claimed = {false};
    store.updateTarget(
        targetId,
        t -> {
          if (t.status() != TargetStatus.FAILED) {
            return t;
          }
          claimed[0] = true;
          return t.withStatus(TargetStatus.QUEUED, "retried by hand", clock.instant());
        });
    if (!claimed[0]) {
      throw new ReelForgeException(ErrorCode.CONFLICT, "the target is no longer failed");
    }
    if (target.jobRunId().isEmpty()) {
      start(publication.ownerId(), target);
      return publication(owner, publicationId);
    }
    boolean requeued = false;
    for (TaskRecord task : jobs.tasks(target.jobRunId().get())) {
      if (task.status() == TaskStatus.DEAD) {
        requeued |= jobs.requeueDead(task.id(), actor);
      }
    }
    if (!requeued) {
      store.updateTarget(
          targetId,
          t ->
              t.status() == TargetStatus.QUEUED
                  ? t.withStatus(TargetStatus.FAILED, target.message(), clock.instant())
                  : t);
      throw new ReelForgeException(ErrorCode.CONFLICT, "the target has no failed upload to retry");
    }
    return publication(owner, publicationId);
  }

  /** Cancels every target not finished yet; published ones stay published. */
  public Publication cancel(UUID owner, UUID publicationId) {
    Publication publication = publication(owner, publicationId);
    for (PublicationTarget target : publication.targets()) {
      if (target.status().finished()) {
        continue;
      }
      store.updateTarget(
          target.id(),
          t ->
              t.status().finished()
                  ? t
                  : t.withStatus(TargetStatus.CANCELLED, "cancelled", clock.instant()));
      target.jobRunId().ifPresent(run -> jobs.cancel(run, "user:" + owner));
    }
    return publication(owner, publicationId);
  }

  /**
   * Told of each publish run's end (by the app's follower, at least once): a run that failed or was
   * cancelled without its stage saying so (a time-out, a kill on the last attempt) marks its
   * target, and operators are alerted once.
   */
  public void runEnded(RunRecord run) {
    if (!run.kind().equals(PublishPipeline.KIND)
        || (run.status() != RunStatus.FAILED && run.status() != RunStatus.CANCELLED)) {
      return;
    }
    UUID targetId = PublishJson.targetOf(run.inputs());
    Optional<Publication> publication = store.findByTarget(targetId);
    if (publication.isEmpty()) {
      return;
    }
    String why = run.error().map(e -> e.message()).orElse(run.status().wireName());
    TargetStatus next =
        run.status() == RunStatus.FAILED ? TargetStatus.FAILED : TargetStatus.CANCELLED;
    boolean[] changed = {false};
    PublicationTarget target =
        store.updateTarget(
            targetId,
            t -> {
              if (t.status().finished()) {
                return t;
              }
              changed[0] = true;
              return t.withStatus(next, why, clock.instant());
            });
    if (changed[0] && next == TargetStatus.FAILED) {
      alerts.targetFailed(publication.get(), target, why);
    }
  }

  private RunRecord ownRun(UUID owner, UUID runId) {
    if (runId == null) {
      throw ReelForgeException.invalidField("runId", "is required");
    }
    try {
      RunRecord run = jobs.run(runId);
      if (run.ownerId().equals(owner)) {
        return run;
      }
    } catch (ReelForgeException e) {
      // unknown: not found below
    }
    throw ReelForgeException.notFound("Run", runId);
  }
}

package dev.reelforge.app.ui;

import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.Publication;
import dev.reelforge.core.publish.PublicationTarget;
import dev.reelforge.core.publish.TargetStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Publications as the pages show them: each target's state in words, its progress and attempts
 * (from its upload run), why it waits or failed, when it is due (in UTC, and how far from now), the
 * post's link, and which buttons apply.
 */
@Component
class PublicationCards {

  private static final Map<String, String> PUBLICATION_WORDS =
      Map.of(
          "in_progress", "In progress",
          "published", "Published",
          "partially_published", "Partly published",
          "failed", "Failed",
          "cancelled", "Cancelled");

  private final JobService jobs;
  private final Clock clock;

  PublicationCards(JobService jobs, Clock clock) {
    this.jobs = jobs;
    this.clock = clock;
  }

  /**
   * @param own whether the viewer owns it (only the owner edits and cancels; operators may retry)
   */
  PublicationCard card(Publication publication, boolean own) {
    Instant now = clock.instant();
    List<TargetCard> targets =
        publication.targets().stream().map(t -> target(t, own, now)).toList();
    boolean live = publication.targets().stream().anyMatch(t -> !t.status().finished());
    return new PublicationCard(
        publication.id().toString(),
        RunRow.shortIdOf(publication.id().toString()),
        publication.runId().toString(),
        runTitle(publication.runId()),
        publication.format(),
        publication.status(),
        PUBLICATION_WORDS.getOrDefault(publication.status(), "In progress"),
        Pages.when(publication.createdAt()),
        targets,
        live,
        own && live);
  }

  /** One entry of the calendar: a scheduled or deferred target, when it is due. */
  CalendarEntry entry(PublicationTarget target) {
    Instant at = target.deferredUntil().or(target::scheduleAt).orElse(target.updatedAt());
    return new CalendarEntry(
        target.publicationId().toString(),
        target.id().toString(),
        target.platform().key(),
        platformName(target.platform()),
        target.status().wire(),
        StateWords.of(target.status()),
        target.metadata().title().isEmpty()
            ? abbreviate(target.metadata().description())
            : target.metadata().title(),
        at,
        at.toString(),
        PublishWords.time(at),
        PublishWords.fromNow(clock.instant(), at));
  }

  private TargetCard target(PublicationTarget target, boolean own, Instant now) {
    Optional<TaskRecord> upload = upload(target);
    TargetStatus status = target.status();
    boolean moving = status == TargetStatus.UPLOADING || status == TargetStatus.PROCESSING;
    int percent =
        status == TargetStatus.PUBLISHED
            ? 100
            : upload.map(t -> (int) Math.round(Math.max(0, t.progress()) * 100)).orElse(0);
    String when = "";
    String whenIso = "";
    if (status == TargetStatus.SCHEDULED && target.scheduleAt().isPresent()) {
      Instant at = target.scheduleAt().get();
      when = "Goes up " + PublishWords.time(at) + " (" + PublishWords.fromNow(now, at) + ")";
      whenIso = at.toString();
    } else if (status == TargetStatus.DEFERRED && target.deferredUntil().isPresent()) {
      Instant at = target.deferredUntil().get();
      when =
          "The platform's quota is used up: tries again "
              + PublishWords.time(at)
              + " ("
              + PublishWords.fromNow(now, at)
              + ")";
      whenIso = at.toString();
    } else if (target.scheduleAt().isPresent()) {
      when = "Was scheduled for " + PublishWords.time(target.scheduleAt().get());
    }
    boolean local = target.platform() == Platform.LOCAL;
    String url =
        target.url().startsWith("https://") || target.url().startsWith("http://")
            ? target.url()
            : "";
    return new TargetCard(
        target.id().toString(),
        target.platform().key(),
        platformName(target.platform()),
        target.accountId().map(UUID::toString).orElse(""),
        target.privacy(),
        status.wire(),
        StateWords.of(status),
        moving,
        percent,
        upload.map(t -> t.attempt() + " of " + t.maxAttempts()).orElse(""),
        message(target),
        when,
        whenIso,
        local ? "" : url,
        local && status == TargetStatus.PUBLISHED ? target.postId() : "",
        target.metadata().title(),
        target.metadata().description(),
        target.metadata().hashtagLine(),
        String.join(" ", target.metadata().hashtags()),
        own && editable(status),
        status == TargetStatus.FAILED && target.jobRunId().isPresent(),
        status.finished());
  }

  /** Why it waits or failed; the status alone says enough for the others. */
  private static String message(PublicationTarget target) {
    String message = target.message();
    if (message.isBlank()
        || message.equals(target.status().wire())
        || target.status() == TargetStatus.PUBLISHED) {
      return "";
    }
    return Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }

  /** As {@code Publications.editCopy} allows: before the upload has begun, or after it failed. */
  private static boolean editable(TargetStatus status) {
    return status == TargetStatus.SCHEDULED
        || status == TargetStatus.QUEUED
        || status == TargetStatus.DEFERRED
        || status == TargetStatus.FAILED;
  }

  static String platformName(Platform platform) {
    return switch (platform) {
      case LOCAL -> "Local folder";
      case YOUTUBE -> "YouTube";
      case TIKTOK -> "TikTok";
      case INSTAGRAM -> "Instagram";
      case FACEBOOK -> "Facebook";
    };
  }

  private String runTitle(UUID runId) {
    try {
      RunRecord run = jobs.run(runId);
      return RunRow.of(run).title();
    } catch (RuntimeException e) {
      // The run was deleted with its owner's data: the publication still reads.
      return "run " + RunRow.shortIdOf(runId.toString());
    }
  }

  private Optional<TaskRecord> upload(PublicationTarget target) {
    if (target.jobRunId().isEmpty()) {
      return Optional.empty();
    }
    try {
      return jobs.tasks(target.jobRunId().get()).stream().findFirst();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String abbreviate(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= 80 ? line : line.substring(0, 77) + "…";
  }

  /** A publication as its page and the list show it. */
  public record PublicationCard(
      String id,
      String shortId,
      String runId,
      String runTitle,
      String format,
      String status,
      String statusWords,
      String created,
      List<TargetCard> targets,
      boolean live,
      boolean cancellable) {

    /** The platforms in one line, for the list. */
    public String platforms() {
      return String.join(", ", targets.stream().map(TargetCard::platformName).toList());
    }
  }

  /** One platform of a publication. */
  public record TargetCard(
      String id,
      String platform,
      String platformName,
      String account,
      String privacy,
      String status,
      String statusWords,
      boolean moving,
      int percent,
      String attempts,
      String message,
      String when,
      String whenIso,
      String url,
      String folder,
      String title,
      String description,
      String hashtagLine,
      String hashtags,
      boolean editable,
      boolean retryable,
      boolean finished) {}

  /** A scheduled or deferred post in the calendar. */
  public record CalendarEntry(
      String publicationId,
      String targetId,
      String platform,
      String platformName,
      String status,
      String statusWords,
      String title,
      Instant at,
      String atIso,
      String time,
      String fromNow) {}
}

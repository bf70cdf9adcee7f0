package dev.reelforge.app.publish;

import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.core.licence.LicenceEvidence;
import dev.reelforge.core.licence.LicencePolicy;
import dev.reelforge.core.publish.PostMetadata;
import dev.reelforge.core.publish.Publication;
import dev.reelforge.core.publish.PublicationTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publications as the API and the dashboard show them: each target with its status, progress,
 * attempts, the post's id and link, and why it waits or failed.
 */
final class PublicationViews {

  private final JobService jobs;

  PublicationViews(JobService jobs) {
    this.jobs = jobs;
  }

  Map<String, Object> publication(Publication publication) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", publication.id().toString());
    view.put("runId", publication.runId().toString());
    view.put("format", publication.format());
    view.put("status", publication.status());
    view.put("createdAt", publication.createdAt().toString());
    view.put("targets", publication.targets().stream().map(this::target).toList());
    view.put("href", "/api/publications/" + publication.id());
    view.put("page", "/ui/publications/" + publication.id());
    return view;
  }

  Map<String, Object> target(PublicationTarget target) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", target.id().toString());
    view.put("platform", target.platform().key());
    target.accountId().ifPresent(a -> view.put("accountId", a.toString()));
    view.put("status", target.status().wire());
    view.put("privacy", target.privacy());
    view.put("metadata", metadata(target.metadata()));
    target.scheduleAt().ifPresent(at -> view.put("scheduleAt", at.toString()));
    target.deferredUntil().ifPresent(at -> view.put("deferredUntil", at.toString()));
    if (!target.message().isEmpty()) {
      view.put("message", target.message());
    }
    if (!target.postId().isEmpty()) {
      view.put("postId", target.postId());
    }
    if (!target.url().isEmpty()) {
      view.put("url", target.url());
    }
    target.jobRunId().ifPresent(run -> view.put("runId", run.toString()));
    upload(target)
        .ifPresent(
            task -> {
              view.put("progress", task.progress());
              view.put("attempt", task.attempt());
              view.put("maxAttempts", task.maxAttempts());
            });
    view.put("updatedAt", target.updatedAt().toString());
    return view;
  }

  static Map<String, Object> metadata(PostMetadata copy) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("title", copy.title());
    view.put("description", copy.description());
    view.put("hashtags", copy.hashtags());
    view.put("locale", copy.locale());
    return view;
  }

  static Map<String, Object> evidence(LicenceEvidence item) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("item", item.item());
    view.put("kind", item.kind());
    view.put("source", item.licence().source());
    view.put("author", item.licence().author());
    view.put("licence", item.licence().licence());
    view.put("url", item.licence().url());
    view.put("prompt", item.prompt());
    view.put("providerResponse", item.providerResponse());
    view.put("receipt", item.receipt());
    view.put("recordedAt", item.recordedAt().toString());
    LicencePolicy.refusal(item).ifPresent(why -> view.put("refused", why));
    view.put("allowsPublishing", LicencePolicy.refusal(item).isEmpty());
    return view;
  }

  private Optional<TaskRecord> upload(PublicationTarget target) {
    if (target.jobRunId().isEmpty()) {
      return Optional.empty();
    }
    try {
      List<TaskRecord> tasks = jobs.tasks(target.jobRunId().get());
      return tasks.stream().findFirst();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}

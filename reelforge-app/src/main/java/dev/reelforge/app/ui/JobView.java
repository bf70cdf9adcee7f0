package dev.reelforge.app.ui;

import dev.reelforge.app.storage.NamedDownloads;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.mediagen.MediaJobs;
import dev.reelforge.mediagen.engines.UserAction;
import dev.reelforge.story.session.RunFiles;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A media job as the Generate page shows it, read from the API's view of the job (so the page and
 * the API show the same links, costs and advice): its state in words, its progress, its picture or
 * clip with a download saved under the prompt's words, or why it failed and what to do about it.
 *
 * @param status seed 004's word ({@code queued}, {@code running}, {@code succeeded}, {@code
 *     failed}), for styles, scripts and tests
 * @param media the picture's or the clip's signed link; empty until it succeeded
 * @param download {@code media}, saved as {@code downloadName} where the store allows it
 * @param advice what the owner of a failed job can do, in words; empty otherwise
 */
public record JobView(
    String id,
    String shortId,
    String kind,
    String status,
    String statusWords,
    boolean finished,
    int percent,
    String message,
    String prompt,
    String media,
    String thumbnail,
    String download,
    String downloadName,
    String details,
    String errorMessage,
    String advice,
    String created) {

  static JobView of(RunRecord run, Map<String, Object> view, NamedDownloads downloads) {
    String id = run.id().toString();
    String shortId = id.substring(24);
    boolean video = run.kind().equals(MediaJobs.VIDEO);
    String status = text(view.get("status"));
    String prompt = text(view.get(video ? "video_prompt" : "prompt"));
    String media = video ? text(view.get("clip_url")) : firstOf(view.get("output_urls"));
    String name = RunFiles.slug(prompt) + "-" + shortId + (video ? ".mp4" : ".png");
    String download = media.isEmpty() ? "" : downloads.named(URI.create(media), name).toString();
    Map<?, ?> progress = view.get("progress") instanceof Map<?, ?> p ? p : Map.of();
    return new JobView(
        id,
        shortId,
        run.kind(),
        status,
        StateWords.of(run.status()),
        status.equals("succeeded") || status.equals("failed"),
        progress.get("percent") instanceof Number n ? n.intValue() : 0,
        text(progress.get("message")),
        prompt,
        media,
        text(view.get("thumbnail_url")),
        download,
        name,
        details(view, video),
        text(view.get("error_message")),
        advice(view.get("error")),
        Pages.when(run.createdAt()));
  }

  /** The prompt's first words, for the list of pictures a clip can start from. */
  public String label() {
    String line = prompt.strip().replaceAll("\\s+", " ");
    return (line.length() <= 60 ? line : line.substring(0, 57) + "…") + " · " + shortId;
  }

  public boolean isVideo() {
    return kind.equals(MediaJobs.VIDEO);
  }

  public boolean succeeded() {
    return status.equals("succeeded");
  }

  private static String details(Map<String, Object> view, boolean video) {
    StringBuilder text = new StringBuilder();
    if (view.get("width") != null && view.get("height") != null) {
      text.append(view.get("width")).append("×").append(view.get("height"));
    }
    if (video) {
      text.append(text.isEmpty() ? "" : " · ").append(view.get("duration_s")).append(" s");
      String engine = text(view.get("engine"));
      if (!engine.isEmpty()) {
        text.append(" · ").append(engine);
        if (Boolean.TRUE.equals(view.get("fallback_used"))) {
          text.append(" (fallback)");
        }
      }
    }
    return text.toString();
  }

  private static String advice(Object error) {
    if (!(error instanceof Map<?, ?> advice) || advice.get("user_action") == null) {
      return "";
    }
    try {
      return StateWords.of(UserAction.valueOf(text(advice.get("user_action"))));
    } catch (IllegalArgumentException unknown) {
      return "";
    }
  }

  private static String firstOf(Object links) {
    return links instanceof List<?> list && !list.isEmpty() ? text(list.get(0)) : "";
  }

  private static String text(Object value) {
    return Objects.toString(value, "");
  }
}

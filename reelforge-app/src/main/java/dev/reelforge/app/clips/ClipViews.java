package dev.reelforge.app.clips;

import dev.reelforge.clips.ClipPipelines;
import dev.reelforge.clips.Clips;
import dev.reelforge.clips.ExportOutputs;
import dev.reelforge.core.clips.ClipCandidate;
import dev.reelforge.core.clips.ClipExport;
import dev.reelforge.core.clips.ClipSource;
import dev.reelforge.core.clips.ReframeOverride;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.jobs.spi.TaskRecord;
import dev.reelforge.core.jobs.spi.TaskStatus;
import dev.reelforge.core.storage.BlobCatalog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The clips feature's answers as the API and the dashboard show them: a source with its probe,
 * transcript engine, analysis progress, candidates and exports; files as signed links.
 */
public final class ClipViews {

  private final Clips clips;
  private final JobService jobs;
  private final BlobCatalog catalog;
  private final Duration linkTtl;

  public ClipViews(Clips clips, JobService jobs, BlobCatalog catalog, Duration linkTtl) {
    this.clips = clips;
    this.jobs = jobs;
    this.catalog = catalog;
    this.linkTtl = linkTtl;
  }

  /** A source in a list: what it is and where it stands. */
  public Map<String, Object> summary(ClipSource source) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", source.id().toString());
    view.put("name", source.name());
    view.put("status", source.status().name().toLowerCase(Locale.ROOT));
    view.put("durationMs", source.probe().durationMillis());
    view.put("width", source.probe().width());
    view.put("height", source.probe().height());
    view.put("sizeBytes", source.sizeBytes());
    view.put("hasTranscript", source.subtitleKey().isPresent());
    view.put("createdAt", source.createdAt().toString());
    return view;
  }

  /** A source with everything about it. */
  public Map<String, Object> source(ClipSource source) {
    Map<String, Object> view = summary(source);
    Map<String, Object> probe = new LinkedHashMap<>();
    probe.put("container", source.probe().container());
    probe.put("videoCodec", source.probe().videoCodec());
    probe.put("audioCodec", source.probe().audioCodec());
    probe.put("fps", source.probe().fps());
    view.put("probe", probe);
    view.put("video", link(source.fileKey()));
    source
        .transcript()
        .ifPresent(
            t -> {
              Map<String, Object> used = new LinkedHashMap<>();
              used.put("engine", t.engine());
              used.put("version", t.version());
              used.put("wordTimesEstimated", t.wordTimesEstimated());
              view.put("transcript", used);
            });
    source.analysisRunId().ifPresent(run -> view.put("analysis", run(jobs.run(run))));
    view.put(
        "candidates",
        clips.candidates(source.ownerId(), source.id()).stream().map(this::candidate).toList());
    view.put(
        "exports",
        clips.exports(source.ownerId(), source.id()).stream().map(this::export).toList());
    return view;
  }

  public Map<String, Object> candidate(ClipCandidate c) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", c.id().toString());
    view.put("rank", c.rank());
    view.put("startMs", c.startMillis());
    view.put("endMs", c.endMillis());
    view.put("durationMs", c.durationMillis());
    view.put("title", c.title());
    view.put("score", Math.round(c.score() * 1000) / 1000.0);
    view.put("reasons", c.reasons());
    view.put("state", c.state().name().toLowerCase(Locale.ROOT));
    view.put("reframe", reframe(c.reframe()));
    return view;
  }

  private static Map<String, Object> reframe(Optional<ReframeOverride> override) {
    Map<String, Object> view = new LinkedHashMap<>();
    if (override.isEmpty()) {
      view.put("mode", "auto");
    } else if (override.get().blurredFit()) {
      view.put("mode", "fit");
    } else {
      view.put("mode", "crop");
      view.put("centerX", override.get().centerX().getAsDouble());
    }
    return view;
  }

  /** An export: its run, and its clips' files once rendered. */
  public Map<String, Object> export(ClipExport export) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", export.id().toString());
    view.put("sourceId", export.sourceId().toString());
    view.put("candidateIds", export.candidateIds().stream().map(Object::toString).toList());
    view.put("presets", export.presets());
    view.put("createdAt", export.createdAt().toString());
    view.put("run", run(jobs.run(export.runId())));
    view.put(
        "clips",
        clips.exported(export).map(ExportOutputs.Exported::clips).orElse(List.of()).stream()
            .map(this::exportedClip)
            .toList());
    return view;
  }

  private Map<String, Object> exportedClip(ExportOutputs.ExportedClip clip) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("candidateId", clip.candidateId().toString());
    view.put("rank", clip.rank());
    view.put("title", clip.title());
    view.put("startMs", clip.startMillis());
    view.put("endMs", clip.endMillis());
    view.put(
        "files",
        clip.files().stream()
            .map(
                f -> {
                  Map<String, Object> file = new LinkedHashMap<>();
                  file.put("preset", f.preset());
                  file.put("video", link(f.videoKey()));
                  file.put("thumbnail", link(f.thumbnailKey()));
                  file.put("srt", link(f.srtKey()));
                  file.put("vtt", link(f.vttKey()));
                  file.put("durationMs", f.durationMillis());
                  file.put("bytes", f.bytes());
                  return file;
                })
            .toList());
    return view;
  }

  /** A run's state, its current stage and the progress of its tasks. */
  public Map<String, Object> run(RunRecord run) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("runId", run.id().toString());
    view.put("kind", run.kind());
    view.put("status", run.status().name().toLowerCase(Locale.ROOT));
    run.currentStage().ifPresent(stage -> view.put("stage", stage));
    List<TaskRecord> tasks = jobs.tasks(run.id());
    // A finished task counts whole, whatever its last report said.
    double progress =
        run.status() == RunStatus.SUCCEEDED
            ? 1
            : tasks.stream()
                .mapToDouble(t -> t.status() == TaskStatus.SUCCEEDED ? 1 : t.progress())
                .average()
                .orElse(0);
    view.put("progress", Math.round(progress * 100) / 100.0);
    tasks.stream()
        .filter(t -> !t.status().isTerminal())
        .flatMap(t -> t.progressMessage().stream())
        .findFirst()
        .ifPresent(message -> view.put("message", message));
    run.error()
        .ifPresent(
            e -> {
              Map<String, Object> error = new LinkedHashMap<>();
              error.put("code", e.code().name());
              error.put("message", e.message());
              view.put("error", error);
            });
    view.put(
        "stages",
        ClipPipelines.ANALYSIS_KIND.equals(run.kind())
            ? List.of(
                ClipPipelines.INGEST,
                ClipPipelines.TRANSCRIPT,
                ClipPipelines.SIGNALS,
                ClipPipelines.HIGHLIGHTS)
            : List.of(ClipPipelines.REFRAME, ClipPipelines.RENDER));
    return view;
  }

  private String link(String key) {
    if (key == null || key.isEmpty() || catalog.find(key).isEmpty()) {
      return null;
    }
    return catalog.signedUrl(key, linkTtl).toString();
  }
}

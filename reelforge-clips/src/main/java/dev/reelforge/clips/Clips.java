package dev.reelforge.clips;

import dev.reelforge.core.clips.ClipCandidate;
import dev.reelforge.core.clips.ClipCandidate.CandidateState;
import dev.reelforge.core.clips.ClipExport;
import dev.reelforge.core.clips.ClipMedia;
import dev.reelforge.core.clips.ClipSource;
import dev.reelforge.core.clips.ClipSource.SourceStatus;
import dev.reelforge.core.clips.ClipStore;
import dev.reelforge.core.clips.ReframeOverride;
import dev.reelforge.core.clips.SourceProbe;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.SubmitRequest;
import dev.reelforge.core.jobs.spi.RunQuery;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.render.CaptionStyles;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.transcript.Subtitles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The clips feature as routes, pages and the command line use it: add a source, analyse it into
 * candidates, keep, discard, re-trim or reframe them, and export some into presets. Every analysis
 * and export is a run of the job engine. A source is seen by its owner only: another user's id is
 * not found.
 */
public final class Clips {

  /** Whether a user may start work now, and what it costs (the app's quotas and credits). */
  public interface Admission {

    /** Admits the analysis of a source of {@code seconds}; answers its price in credits. */
    long analysis(UUID owner, long seconds);

    /** Admits the export of clips totalling {@code seconds} in {@code presets} formats. */
    long export(UUID owner, long seconds, int presets);
  }

  /** What a person changes on a candidate; empty parts stay as they are. */
  public record CandidateChange(
      Optional<CandidateState> state,
      Optional<Long> startMillis,
      Optional<Long> endMillis,
      Optional<Optional<ReframeOverride>> reframe) {}

  /** How to analyse: the candidates' lengths and count, and the speech's language. */
  public record AnalysisRequest(long minMillis, long maxMillis, int minCount, int maxCount) {

    public static final AnalysisRequest DEFAULT =
        new AnalysisRequest(
            HighlightOptions.DEFAULT.minMillis(),
            HighlightOptions.DEFAULT.maxMillis(),
            HighlightOptions.DEFAULT.minCount(),
            HighlightOptions.DEFAULT.maxCount());
  }

  /** What to export. */
  public record ExportRequest(
      List<UUID> candidateIds, List<String> presets, String captionStyle, String quality) {}

  private final ClipStore store;
  private final ClipFiles files;
  private final ClipMedia media;
  private final JobService jobs;
  private final Admission admission;
  private final ClipLimits limits;
  private final Clock clock;

  public Clips(
      ClipStore store,
      ClipFiles files,
      ClipMedia media,
      JobService jobs,
      Admission admission,
      ClipLimits limits,
      Clock clock) {
    this.store = store;
    this.files = files;
    this.media = media;
    this.jobs = jobs;
    this.admission = admission;
    this.limits = limits;
    this.clock = clock;
  }

  public ClipLimits limits() {
    return limits;
  }

  /**
   * Adds an uploaded video (already checked for size and magic bytes by the caller) and its
   * optional SRT/VTT: probed within the time limit, refused past the duration limit, stored.
   *
   * @throws ReelForgeException INVALID_INPUT naming the field ({@code file}, {@code transcript})
   */
  public ClipSource addSource(UUID owner, String name, Path video, Optional<Path> subtitle) {
    if (size(video) > limits.maxBytes()) {
      // Checked here as well as at the edge: a chunked or signed upload arrives by other routes.
      throw ReelForgeException.invalidField(
          "file", "the video is over the " + limits.maxBytes() / (1024 * 1024) + " MiB limit");
    }
    SourceProbe probe = media.probe(video, limits.probeTimeout());
    if (probe.durationMillis() > limits.maxDuration().toMillis()) {
      throw ReelForgeException.invalidField(
          "file",
          "the video is "
              + minutes(probe.durationMillis())
              + " long; the limit is "
              + minutes(limits.maxDuration().toMillis()));
    }
    String subtitleExtension = "";
    if (subtitle.isPresent()) {
      subtitleExtension = checkSubtitle(subtitle.get(), probe);
    } else if (!probe.hasAudio()) {
      throw ReelForgeException.invalidField(
          "file", "the video has no sound to transcribe; add its SRT or VTT transcript");
    }
    UUID id = Ids.newId(clock);
    String videoKey = ClipKeys.source(owner, id, extension(name, "mp4"));
    files.put(videoKey, video);
    Optional<String> subtitleKey = Optional.empty();
    if (subtitle.isPresent()) {
      subtitleKey = Optional.of(ClipKeys.subtitle(owner, id, subtitleExtension));
      files.put(subtitleKey.get(), subtitle.get());
    }
    ClipSource source =
        new ClipSource(
            id,
            owner,
            displayName(name),
            videoKey,
            size(video),
            probe,
            subtitleKey,
            SourceStatus.UPLOADED,
            Optional.empty(),
            Optional.empty(),
            clock.instant());
    store.createSource(source);
    return source;
  }

  /**
   * The owner's source.
   *
   * @throws ReelForgeException RESOURCE_NOT_FOUND for an unknown id or another user's source
   */
  public ClipSource source(UUID owner, UUID sourceId) {
    return store
        .source(sourceId)
        .filter(s -> s.ownerId().equals(owner))
        .orElseThrow(() -> ReelForgeException.notFound("Source", sourceId));
  }

  public List<ClipSource> sources(UUID owner, int limit) {
    return store.sources(owner, limit);
  }

  public List<ClipCandidate> candidates(UUID owner, UUID sourceId) {
    return store.candidates(source(owner, sourceId).id());
  }

  public List<ClipExport> exports(UUID owner, UUID sourceId) {
    return store.exports(source(owner, sourceId).id());
  }

  /**
   * The owner's export and its run.
   *
   * @throws ReelForgeException RESOURCE_NOT_FOUND for an unknown id or another user's export
   */
  public ClipExport export(UUID owner, UUID exportId) {
    return store
        .export(exportId)
        .filter(e -> e.ownerId().equals(owner))
        .orElseThrow(() -> ReelForgeException.notFound("Export", exportId));
  }

  /** The run behind an analysis or export. */
  public RunRecord run(UUID runId) {
    return jobs.run(runId);
  }

  /** What an export run has produced so far (all of it once the run has completed). */
  public Optional<ExportOutputs.Exported> exported(ClipExport export) {
    return ClipsJson.artifact(
        jobs.run(export.runId()).artifacts(), ClipPipelines.RENDER, ExportOutputs.Exported.class);
  }

  /**
   * Starts an analysis run; a repeated idempotency key returns the first run.
   *
   * @throws ReelForgeException CONFLICT while another analysis of the source runs
   */
  public RunRecord analyze(
      UUID owner, UUID sourceId, AnalysisRequest request, Optional<String> idempotencyKey) {
    ClipSource source = source(owner, sourceId);
    HighlightOptions options = checkAnalysis(request);
    if (source.status() == SourceStatus.ANALYSING && source.analysisRunId().isPresent()) {
      RunRecord running = jobs.run(source.analysisRunId().get());
      Optional<String> key =
          idempotencyKey.map(k -> ClipPipelines.ANALYSIS_KIND + ":" + source.id() + ":" + k);
      if (key.isPresent() && running.idempotencyKey().equals(key)) {
        return running; // the same request again: its run, not a second one
      }
      throw new ReelForgeException(
          ErrorCode.CONFLICT,
          "this source is being analysed already; wait for run "
              + source.analysisRunId().map(UUID::toString).orElse("")
              + " to end");
    }
    AnalysisInput input =
        new AnalysisInput(
            source.id(),
            source.fileKey(),
            source.subtitleKey(),
            "en-US",
            source.probe().durationMillis(),
            options.minMillis(),
            options.maxMillis(),
            options.minCount(),
            options.maxCount());
    // A key is the caller's, not the source's: scoped to the source so that the same key on two
    // sources starts two analyses.
    Optional<String> key = idempotencyKey.map(k -> source.id() + ":" + k);
    Optional<RunRecord> replayed = earlier(owner, ClipPipelines.ANALYSIS_KIND, key);
    if (replayed.isPresent()) {
      return replayed.get();
    }
    long credits = admission.analysis(owner, source.probe().durationMillis() / 1000);
    RunRecord run =
        submit(owner, ClipPipelines.ANALYSIS_KIND, ClipsJson.write(input), key, credits);
    if (!source.analysisRunId().equals(Optional.of(run.id()))) {
      store.updateSource(source.id(), s -> s.withAnalysisRun(run.id()));
    }
    // A run that ended before the source named it was missed by the run-end follower.
    RunRecord now = jobs.run(run.id());
    if (now.status().isTerminal()) {
      analysisEnded(now);
    }
    return now;
  }

  /**
   * Changes a candidate: keep or discard it, re-trim it, or set or clear its framing.
   *
   * @throws ReelForgeException RESOURCE_NOT_FOUND for another user's candidate, INVALID_INPUT for a
   *     trim outside the source or the clip limits
   */
  public ClipCandidate change(UUID owner, UUID sourceId, UUID candidateId, CandidateChange change) {
    ClipSource source = source(owner, sourceId);
    ClipCandidate current =
        store.candidates(source.id()).stream()
            .filter(c -> c.id().equals(candidateId))
            .findFirst()
            .orElseThrow(() -> ReelForgeException.notFound("Candidate", candidateId));
    if (source.status() == SourceStatus.ANALYSING) {
      throw new ReelForgeException(
          ErrorCode.CONFLICT,
          "the source is being analysed again: its candidates will be replaced; wait for the end");
    }
    checkTrim(
        change.startMillis().orElse(current.startMillis()),
        change.endMillis().orElse(current.endMillis()),
        source);
    return store.updateCandidate(
        candidateId,
        c -> {
          // Read from the stored candidate inside the update, so a racing change is not undone.
          long start = change.startMillis().orElse(c.startMillis());
          long end = change.endMillis().orElse(c.endMillis());
          checkTrim(start, end, source);
          ClipCandidate next = c.withTrim(start, end);
          if (change.state().isPresent()) {
            next = next.withState(change.state().get());
          }
          if (change.reframe().isPresent()) {
            next = next.withReframe(change.reframe().get());
          }
          return next;
        });
  }

  /**
   * Starts an export run of some candidates into some presets; a repeated idempotency key returns
   * the first export.
   *
   * @throws ReelForgeException INVALID_INPUT for unknown candidates or presets, CONFLICT before the
   *     source is analysed
   */
  public ClipExport exportClips(
      UUID owner, UUID sourceId, ExportRequest request, Optional<String> idempotencyKey) {
    ClipSource source = source(owner, sourceId);
    if (source.status() != SourceStatus.ANALYSED || source.analysisRunId().isEmpty()) {
      throw new ReelForgeException(
          ErrorCode.CONFLICT, "analyse the source first: it has no candidates yet");
    }
    List<ClipCandidate> all = store.candidates(source.id());
    List<ExportInput.Clip> clips = checkExport(request, all);
    UUID analysisRun = source.analysisRunId().get();
    UUID exportId = Ids.newId(clock);
    ExportInput input =
        new ExportInput(
            exportId,
            source.id(),
            source.fileKey(),
            source.probe().width(),
            source.probe().height(),
            ClipKeys.analysis(owner, source.id(), analysisRun, "transcript.json"),
            ClipKeys.analysis(owner, source.id(), analysisRun, "signals.json"),
            clips,
            request.presets().stream().map(p -> RenderPreset.byId(p).id()).distinct().toList(),
            request.captionStyle(),
            request.quality().toLowerCase(Locale.ROOT));
    Optional<String> key = idempotencyKey.map(k -> source.id() + ":" + k);
    Optional<RunRecord> replayed = earlier(owner, ClipPipelines.EXPORT_KIND, key);
    if (replayed.isPresent()) {
      UUID runId = replayed.get().id();
      return store.exports(source.id()).stream()
          .filter(e -> e.runId().equals(runId))
          .findFirst()
          .orElseThrow(() -> ReelForgeException.notFound("Export", runId));
    }
    long seconds = clips.stream().mapToLong(c -> (c.endMillis() - c.startMillis()) / 1000).sum();
    long credits = admission.export(owner, seconds, input.presets().size());
    RunRecord run = submit(owner, ClipPipelines.EXPORT_KIND, ClipsJson.write(input), key, credits);
    Optional<ClipExport> existing =
        store.exports(source.id()).stream().filter(e -> e.runId().equals(run.id())).findFirst();
    if (existing.isPresent()) {
      return existing.get();
    }
    ClipExport export =
        new ClipExport(
            exportId,
            source.id(),
            owner,
            run.id(),
            clips.stream().map(ExportInput.Clip::candidateId).toList(),
            input.presets(),
            clock.instant());
    store.createExport(export);
    return export;
  }

  /** Tells the source how its analysis run ended (called by the app's run-end follower). */
  public void analysisEnded(RunRecord run) {
    if (!run.kind().equals(ClipPipelines.ANALYSIS_KIND) || !run.status().isTerminal()) {
      return;
    }
    UUID runId = run.id();
    RunStatus status = run.status();
    AnalysisInput input = ClipsJson.read(run.inputs(), AnalysisInput.class);
    store.updateSource(
        input.sourceId(),
        s -> {
          if (!s.analysisRunId().equals(Optional.of(runId))) {
            return s; // a newer analysis took over
          }
          return s.withStatus(
              status == RunStatus.SUCCEEDED ? SourceStatus.ANALYSED : SourceStatus.FAILED);
        });
  }

  /**
   * The run an earlier request with the same key started, so a replay answers it without being
   * admitted (and metered) again.
   */
  private Optional<RunRecord> earlier(UUID owner, String kind, Optional<String> key) {
    if (key.isEmpty()) {
      return Optional.empty();
    }
    String stored = kind + ":" + key.get();
    return jobs.runs(RunQuery.all(RunQuery.MAX_LIMIT).ownedBy(owner).ofKind(kind)).stream()
        .filter(r -> r.idempotencyKey().equals(Optional.of(stored)))
        .findFirst();
  }

  private RunRecord submit(
      UUID owner, String kind, String inputs, Optional<String> key, long credits) {
    SubmitRequest request =
        new SubmitRequest(owner, kind, inputs, 0, key.map(k -> kind + ":" + k), credits);
    return jobs.submit(request).run();
  }

  private HighlightOptions checkAnalysis(AnalysisRequest request) {
    List<FieldViolation> problems = new ArrayList<>();
    long min = limits.minClip().toMillis();
    long max = limits.maxClip().toMillis();
    if (request.minMillis() < min || request.minMillis() > max) {
      problems.add(new FieldViolation("minSeconds", "use " + min / 1000 + " to " + max / 1000));
    }
    if (request.maxMillis() < request.minMillis() || request.maxMillis() > max) {
      problems.add(
          new FieldViolation(
              "maxSeconds", "use at least minSeconds and at most " + max / 1000 + " seconds"));
    }
    if (request.minCount() < 1 || request.minCount() > 30) {
      problems.add(new FieldViolation("minCount", "use 1 to 30"));
    }
    if (request.maxCount() < request.minCount() || request.maxCount() > 30) {
      problems.add(new FieldViolation("maxCount", "use at least minCount and at most 30"));
    }
    if (!problems.isEmpty()) {
      throw ReelForgeException.invalidInput("the analysis options are not valid", problems);
    }
    return new HighlightOptions(
        request.minMillis(), request.maxMillis(), request.minCount(), request.maxCount());
  }

  private void checkTrim(long start, long end, ClipSource source) {
    List<FieldViolation> problems = new ArrayList<>();
    if (start < 0 || start >= source.probe().durationMillis()) {
      problems.add(new FieldViolation("startMs", "must lie inside the source"));
    }
    if (end > source.probe().durationMillis()) {
      problems.add(
          new FieldViolation(
              "endMs", "must not pass the source's end at " + source.probe().durationMillis()));
    }
    long length = end - start;
    if (length < limits.minClip().toMillis() || length > limits.maxClip().toMillis()) {
      problems.add(
          new FieldViolation(
              "endMs",
              "a clip lasts "
                  + limits.minClip().toSeconds()
                  + " to "
                  + limits.maxClip().toSeconds()
                  + " seconds"));
    }
    if (!problems.isEmpty()) {
      throw ReelForgeException.invalidInput("the trim is not valid", problems);
    }
  }

  private List<ExportInput.Clip> checkExport(ExportRequest request, List<ClipCandidate> all) {
    List<FieldViolation> problems = new ArrayList<>();
    List<ExportInput.Clip> clips = new ArrayList<>();
    if (request.candidateIds() == null || request.candidateIds().isEmpty()) {
      problems.add(new FieldViolation("candidateIds", "name at least one candidate"));
    } else {
      for (UUID id : new LinkedHashSet<>(request.candidateIds())) {
        Optional<ClipCandidate> found = all.stream().filter(c -> c.id().equals(id)).findFirst();
        if (found.isEmpty()) {
          problems.add(new FieldViolation("candidateIds", "no candidate " + id + " here"));
        } else {
          ClipCandidate c = found.get();
          clips.add(
              new ExportInput.Clip(
                  c.id(), c.rank(), c.startMillis(), c.endMillis(), c.title(), c.reframe()));
        }
      }
    }
    if (request.presets() == null || request.presets().isEmpty()) {
      problems.add(new FieldViolation("presets", "name at least one format, e.g. tiktok"));
    } else {
      for (String preset : request.presets()) {
        try {
          RenderPreset.byId(preset);
        } catch (ReelForgeException e) {
          problems.add(new FieldViolation("presets", e.getMessage()));
        }
      }
    }
    if (!CaptionStyles.NAMES.contains(request.captionStyle())) {
      problems.add(
          new FieldViolation(
              "captionStyle", "use one of " + String.join(", ", CaptionStyles.NAMES)));
    }
    try {
      QualityTier.valueOf(request.quality().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      problems.add(new FieldViolation("quality", "use draft, standard or high"));
    }
    if (!problems.isEmpty()) {
      throw ReelForgeException.invalidInput("the export is not valid", problems);
    }
    return clips;
  }

  private String checkSubtitle(Path subtitle, SourceProbe probe) {
    long bytes = size(subtitle);
    if (bytes > limits.maxSubtitleBytes()) {
      throw ReelForgeException.invalidField(
          "transcript", "the transcript is over " + limits.maxSubtitleBytes() / 1024 + " KiB");
    }
    String text;
    try {
      text = Files.readString(subtitle, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw ReelForgeException.invalidField("transcript", "the transcript is not UTF-8 text");
    }
    Subtitles.Parsed parsed = Subtitles.parse(text);
    var cues = parsed.cues();
    if (!cues.isEmpty() && cues.getLast().endMillis() > probe.durationMillis() + 1000) {
      throw ReelForgeException.invalidField(
          "transcript", "the transcript runs past the video's end; is it the right file?");
    }
    return parsed.format() == Subtitles.Format.VTT ? "vtt" : "srt";
  }

  private static String extension(String name, String fallback) {
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return ext.matches("[a-z0-9]{1,5}") ? ext : fallback;
  }

  private static String displayName(String name) {
    String clean = name == null ? "" : name.replaceAll("[\\p{Cntrl}/\\\\]", "").strip();
    if (clean.isEmpty()) {
      return "video";
    }
    return clean.length() > 120 ? clean.substring(0, 120) : clean;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String minutes(long millis) {
    long seconds = millis / 1000;
    return seconds / 3600 > 0
        ? String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60)
        : String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
  }
}

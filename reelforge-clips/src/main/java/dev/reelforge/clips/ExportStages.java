package dev.reelforge.clips;

import dev.reelforge.clips.AnalysisOutputs.Signals;
import dev.reelforge.clips.ExportOutputs.ClipShots;
import dev.reelforge.clips.ExportOutputs.Exported;
import dev.reelforge.clips.ExportOutputs.ExportedClip;
import dev.reelforge.clips.ExportOutputs.ExportedFile;
import dev.reelforge.clips.ExportOutputs.ReframeProgress;
import dev.reelforge.clips.ExportOutputs.Reframed;
import dev.reelforge.clips.ExportOutputs.RenderProgress;
import dev.reelforge.clips.ExportOutputs.ShotList;
import dev.reelforge.core.clips.ClipMedia;
import dev.reelforge.core.clips.LoudnessCurve;
import dev.reelforge.core.jobs.api.StageContext;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderJob;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.render.RenderedOutput;
import dev.reelforge.core.render.Renderer;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.transcript.Transcript;
import dev.reelforge.core.vision.FaceDetector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The export run's stages: {@code reframe} (faces found in sampled frames, tracked into a framing
 * plan per clip; the stage that wants a GPU when there is one) → {@code render} (each clip through
 * the render engine into every preset, with word-highlighted captions, SRT/VTT and a thumbnail).
 * Both checkpoint after every clip, so a retried or resumed run redoes none that is finished.
 */
final class ExportStages {

  /** The folder under the work root that holds each export's folder (pruned by its own pass). */
  static final String EXPORTS_DIR = "exports";

  /** Frames looked at per second of a clip: enough to track a speaker and see a mouth move. */
  static final double ANALYSIS_FPS = 5;

  /** Width the frames are scaled to for detection: faces stay ≥ 40 px in a 1080p talk. */
  static final int ANALYSIS_WIDTH = 480;

  /** Frames per detector call: the model registry's batching. */
  static final int BATCH = 32;

  private final ClipFiles files;
  private final ClipMedia media;
  private final FaceDetector faces;
  private final Renderer renderer;
  private final Path workRoot;

  ExportStages(
      ClipFiles files, ClipMedia media, FaceDetector faces, Renderer renderer, Path workRoot) {
    this.files = files;
    this.media = media;
    this.faces = faces;
    this.renderer = renderer;
    this.workRoot = workRoot;
  }

  StageResult reframe(StageContext ctx) {
    ExportInput in = ClipsJson.read(ctx.inputs(), ExportInput.class);
    List<ClipShots> done =
        new ArrayList<>(
            ctx.checkpoint()
                .map(c -> ClipsJson.read(c, ReframeProgress.class).done())
                .orElse(List.of()));
    try (Scratch scratch = Scratch.under(workRoot, ctx.runId(), ctx.stage());
        CancelBridge cancel = new CancelBridge(ctx)) {
      Path video = files.local(in.videoKey(), scratch.folder());
      Signals signals =
          ClipsJson.readFile(files.local(in.signalsKey(), scratch.folder()), Signals.class);
      LoudnessCurve loudness =
          new LoudnessCurve(signals.loudnessStepMillis(), signals.loudnessDb());
      ReframePlanner planner = new ReframePlanner(ReframeOptions.DEFAULT);
      for (int i = 0; i < in.clips().size(); i++) {
        ExportInput.Clip clip = in.clips().get(i);
        if (done.stream().anyMatch(d -> d.candidateId().equals(clip.candidateId()))) {
          continue;
        }
        ctx.checkCancelled();
        ctx.progress((double) i / in.clips().size(), "framing " + clip.title());
        List<FrameFaces> observations = new ArrayList<>();
        if (clip.reframe().isEmpty()) {
          MouthMotion mouths = new MouthMotion();
          media.frames(
              video,
              clip.startMillis(),
              clip.endMillis(),
              ANALYSIS_FPS,
              ANALYSIS_WIDTH,
              BATCH,
              cancel.cancellation(),
              batch -> observations.addAll(mouths.add(batch, faces.detect(batch))));
        }
        List<Shot> shots =
            planner.plan(
                clip.startMillis(),
                clip.endMillis(),
                observations,
                signals.sceneCuts(),
                loudness,
                in.sourceWidth(),
                in.sourceHeight(),
                clip.reframe());
        String key =
            ClipKeys.export(
                ctx.ownerId(), in.sourceId(), in.exportId(), clip.baseName() + ".shots.json");
        Path file = scratch.file(clip.baseName() + ".shots.json");
        ClipsJson.writeFile(file, new ShotList(shots));
        files.put(key, file);
        int blurred = (int) shots.stream().filter(s -> s.mode() == Shot.Mode.BLURRED_FIT).count();
        done.add(new ClipShots(clip.candidateId(), key, shots.size(), blurred));
        ctx.saveCheckpoint(ClipsJson.write(new ReframeProgress(done)));
      }
    }
    return AnalysisStages.done(new Reframed(done));
  }

  StageResult render(StageContext ctx) {
    ExportInput in = ClipsJson.read(ctx.inputs(), ExportInput.class);
    Reframed reframed = AnalysisStages.dependency(ctx, ClipPipelines.REFRAME, Reframed.class);
    List<ExportedClip> done =
        new ArrayList<>(
            ctx.checkpoint()
                .map(c -> ClipsJson.read(c, RenderProgress.class).done())
                .orElse(List.of()));
    List<RenderPreset> presets = in.presets().stream().map(RenderPreset::byId).toList();
    QualityTier quality = QualityTier.valueOf(in.quality().toUpperCase(Locale.ROOT));
    // Kept across attempts on this machine (not a scratch folder): the render engine's segment
    // cache lives beside the outputs, so a retried render reuses the segments it finished.
    Path work = workRoot.resolve(EXPORTS_DIR).resolve(in.exportId().toString());
    try (Scratch scratch = Scratch.under(workRoot, ctx.runId(), ctx.stage());
        CancelBridge cancel = new CancelBridge(ctx)) {
      Path video = files.local(in.videoKey(), scratch.folder());
      Transcript transcript =
          ClipsJson.readFile(files.local(in.transcriptKey(), scratch.folder()), Transcript.class);
      for (int i = 0; i < in.clips().size(); i++) {
        ExportInput.Clip clip = in.clips().get(i);
        if (done.stream().anyMatch(d -> d.candidateId().equals(clip.candidateId()))) {
          continue;
        }
        ctx.checkCancelled();
        ClipShots planned =
            reframed.clips().stream()
                .filter(c -> c.candidateId().equals(clip.candidateId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no framing for " + clip.title()));
        List<Shot> shots =
            ClipsJson.readFile(files.local(planned.shotsKey(), scratch.folder()), ShotList.class)
                .shots();
        Timeline timeline =
            ClipTimeline.build(
                new ClipCut(
                    video.toAbsolutePath().toString(),
                    clip.startMillis(),
                    clip.endMillis(),
                    shots,
                    transcript.between(clip.startMillis(), clip.endMillis()),
                    clip.title(),
                    in.captionStyle(),
                    true));
        int index = i;
        int count = in.clips().size();
        Path out = work.resolve(clip.baseName());
        RenderResult result =
            renderer.render(
                new RenderJob(timeline, video.getParent(), presets, quality, out, clip.baseName()),
                (fraction, step) -> {
                  if (ctx.isCancelled()) {
                    cancel.cancellation().cancel();
                  }
                  ctx.progress((index + fraction) / count, clip.title() + ": " + step);
                },
                cancel.cancellation());
        List<ExportedFile> stored = new ArrayList<>();
        for (RenderedOutput output : result.outputs()) {
          stored.add(store(ctx.ownerId(), in, output));
        }
        done.add(
            new ExportedClip(
                clip.candidateId(),
                clip.rank(),
                clip.title(),
                clip.startMillis(),
                clip.endMillis(),
                stored));
        ctx.saveCheckpoint(ClipsJson.write(new RenderProgress(done)));
      }
    }
    Scratch.delete(work);
    return AnalysisStages.done(new Exported(done));
  }

  private ExportedFile store(UUID owner, ExportInput in, RenderedOutput output) {
    return new ExportedFile(
        output.preset().id(),
        put(owner, in, output.video()),
        put(owner, in, output.thumbnail()),
        put(owner, in, output.srt()),
        put(owner, in, output.vtt()),
        output.durationMillis(),
        output.bytes());
  }

  private String put(UUID owner, ExportInput in, Path file) {
    if (file == null) {
      return "";
    }
    String key =
        ClipKeys.export(owner, in.sourceId(), in.exportId(), file.getFileName().toString());
    files.put(key, file);
    return key;
  }
}

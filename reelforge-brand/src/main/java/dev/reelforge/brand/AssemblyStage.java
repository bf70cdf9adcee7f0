package dev.reelforge.brand;

import dev.reelforge.core.brand.BrandAnalysis;
import dev.reelforge.core.brand.DirectorStatus;
import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.jobs.api.StageContext;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.core.music.Music;
import dev.reelforge.core.music.MusicRequest;
import dev.reelforge.core.music.MusicSource;
import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderJob;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.render.RenderedOutput;
import dev.reelforge.core.render.Renderer;
import dev.reelforge.core.timeline.Timeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The storyboard run's last stage: the produced clips become finished brand videos in every preset
 * shape with the render engine (captions and title in the brand's palette, music, loudness,
 * thumbnails), stored and listed as the storyboard's result; the storyboard is completed.
 */
final class AssemblyStage {

  private final Storyboards boards;
  private final Briefs briefs;
  private final BrandFiles files;
  private final Renderer renderer;
  private final MusicSource music;
  private final BrandSettings settings;
  private final Path workRoot;

  AssemblyStage(
      Storyboards boards,
      Briefs briefs,
      BrandFiles files,
      Renderer renderer,
      MusicSource music,
      BrandSettings settings,
      Path workRoot) {
    this.boards = boards;
    this.briefs = briefs;
    this.files = files;
    this.renderer = renderer;
    this.music = music;
    this.settings = settings;
    this.workRoot = workRoot;
  }

  StageResult execute(StageContext context) {
    UUID id = BrandJson.read(context.inputs(), StoryboardInput.class).storyboardId();
    Storyboard board = boards.get(id);
    if (board.status() == DirectorStatus.COMPLETED && board.resultJson().isPresent()) {
      return StageResult.completed(board.resultJson().get());
    }
    BrandAnalysis analysis = briefs.analysis(briefs.job(board));
    List<Scene> scenes = BrandJson.scenes(board.scenesJson());
    BrandVideos result;
    try (WorkFolder work = new WorkFolder(workRoot, context.taskId())) {
      List<Path> clips = new ArrayList<>();
      for (Scene scene : scenes) {
        clips.add(
            files.get(scene.finalVideoKey(), work.file("clip-" + scene.sequenceIndex() + ".mp4")));
      }
      BrandCut cut = BrandCut.of(scenes, analysis);
      context.progress(0.1, "composing music");
      Music track =
          music.compose(
              new MusicRequest(cut.mood(), cut.durationMillis(), AnalysisStages.seedOf(id)),
              work.file("music.wav"));
      Timeline timeline = cut.timeline(track);
      context.progress(0.2, "rendering " + settings.presets().size() + " shapes");
      Cancellation cancellation = new Cancellation();
      RenderResult rendered =
          renderer.render(
              new RenderJob(
                  timeline,
                  work.path(),
                  settings.presets(),
                  QualityTier.STANDARD,
                  work.file("out"),
                  "brand"),
              (fraction, step) -> {
                if (context.isCancelled()) {
                  cancellation.cancel();
                }
                context.progress(0.2 + 0.75 * fraction, step);
              },
              cancellation);
      List<BrandVideos.Video> videos = new ArrayList<>();
      for (RenderedOutput output : rendered.outputs()) {
        String preset = output.preset().id();
        String videoKey = BrandKeys.video(board.ownerId(), board.jobId(), id, preset);
        String thumbKey = BrandKeys.thumbnail(board.ownerId(), board.jobId(), id, preset);
        files.put(videoKey, output.video());
        files.put(thumbKey, output.thumbnail());
        videos.add(
            new BrandVideos.Video(
                preset,
                aspect(output.preset().width(), output.preset().height()),
                output.preset().width(),
                output.preset().height(),
                videoKey,
                thumbKey,
                output.durationMillis(),
                output.bytes()));
      }
      result = new BrandVideos(videos, track.licence().source());
    }
    String json = BrandJson.write(result);
    boards.modify(id, edit -> edit.result(json).status(DirectorStatus.COMPLETED));
    return StageResult.completed(json);
  }

  private static String aspect(int width, int height) {
    if (width == height) {
      return "1:1";
    }
    return width > height ? "16:9" : "9:16";
  }
}

package dev.reelforge.app.cli;

import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.render.RenderEstimate;
import dev.reelforge.core.render.RenderJob;
import dev.reelforge.core.render.RenderResult;
import dev.reelforge.core.render.RenderedOutput;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.media.render.RenderEngine;
import dev.reelforge.story.TimelineJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/**
 * {@code reelforge render}: renders a timeline JSON file to MP4s with captions and thumbnails,
 * printing the estimate first and progress while it runs. Ctrl-C cancels cleanly: FFmpeg is stopped
 * and temporary files removed, while finished segments stay cached for the next run.
 */
final class RenderCommand {

  private final PrintStream out;
  private final PrintStream err;

  RenderCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(RenderOptions options, RenderEngine engine) {
    Timeline timeline;
    try {
      timeline = TimelineJson.read(Files.readString(options.timeline()));
    } catch (NoSuchFileException e) {
      err.println("reelforge: no timeline file at " + options.timeline());
      return 1;
    } catch (IOException e) {
      err.println("reelforge: cannot read " + options.timeline() + ": " + e.getMessage());
      return 1;
    } catch (ReelForgeException e) {
      return explain(e);
    }
    try {
      RenderEstimate estimate =
          engine.estimator().estimate(timeline, options.presets(), options.quality());
      out.printf(
          Locale.ROOT,
          "Rendering %.1f s to %s (%s) with FFmpeg %s: about %.0f s and %.1f MB%n",
          timeline.durationMillis() / 1000.0,
          String.join(", ", options.presets().stream().map(p -> p.id()).toList()),
          options.quality().name().toLowerCase(Locale.ROOT),
          engine.ffmpeg().version(),
          estimate.time().toMillis() / 1000.0,
          estimate.bytes() / 1e6);
      if (options.estimateOnly()) {
        return 0;
      }
      RenderJob job =
          new RenderJob(
              timeline,
              options.mediaRoot(),
              options.presets(),
              options.quality(),
              options.outputDir(),
              options.name());
      RenderResult result = renderCancellingOnInterrupt(engine, job);
      for (RenderedOutput output : result.outputs()) {
        out.printf(
            Locale.ROOT,
            "%-8s %s (%.1f MB)%n         %s%n         %s, %s%n",
            output.preset().id(),
            output.video(),
            output.bytes() / 1e6,
            output.thumbnail(),
            output.srt(),
            output.vtt());
      }
      out.printf(
          "%d segment(s) encoded, %d reused from the cache%n",
          result.segmentsRendered(), result.segmentsReused());
      return 0;
    } catch (ReelForgeException e) {
      return explain(e);
    }
  }

  private RenderResult renderCancellingOnInterrupt(RenderEngine engine, RenderJob job) {
    ProgressLine progress = new ProgressLine(err);
    try (CancelOnShutdown interrupt = new CancelOnShutdown("render-cancel")) {
      return engine.render(job, progress, interrupt.cancellation());
    } finally {
      progress.end();
    }
  }

  private int explain(ReelForgeException e) {
    err.println("reelforge: " + e.getMessage());
    for (FieldViolation violation : e.violations()) {
      err.println("  " + violation.field() + ": " + violation.message());
    }
    return 1;
  }
}

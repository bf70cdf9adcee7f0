package dev.reelforge.app.cli;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.RenderCancelledException;
import dev.reelforge.providers.publish.FolderPublisher;
import dev.reelforge.story.StoryMaker;
import dev.reelforge.story.StoryOutputs;
import dev.reelforge.story.StoryOutputs.OutputFile;
import dev.reelforge.story.StoryPipeline;
import dev.reelforge.story.StoryProgress;
import dev.reelforge.story.StoryResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code reelforge make}: one story from an idea, a text or a script to finished videos, with a
 * line per stage (and a progress bar while rendering, on a terminal). Ctrl-C stops cleanly; the
 * same command again resumes from the stages already done.
 */
final class MakeCommand {

  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;

  MakeCommand(PrintStream out, PrintStream err, boolean terminal) {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  int run(MakeOptions options, StoryMaker maker) {
    return run(options, maker, Optional.empty());
  }

  /** Makes the story; with {@code publishTo}, its finished videos are published there. */
  int run(MakeOptions options, StoryMaker maker, Optional<FolderPublisher> publishTo) {
    out.printf(
        Locale.ROOT,
        "Making '%s' from %s (%d characters) into %s%n",
        options.name(),
        options.input().kind().name().toLowerCase(Locale.ROOT),
        options.input().text().length(),
        options.folder());
    long start = System.nanoTime();
    boolean folderExisted = Files.exists(options.folder());
    Lines lines = new Lines();
    int code;
    try (CancelOnShutdown interrupt = new CancelOnShutdown("make-cancel")) {
      code = make(options, maker, lines, interrupt.cancellation(), start, publishTo);
    }
    if (code != 0 && !folderExisted && lines.stagesDone() == 0) {
      // Nothing was made: a folder that holds no finished stage would only look resumable.
      removeFolder(options.folder());
    }
    return code;
  }

  /**
   * How the script was made, and what the user must know before publishing: a template is a
   * structure to edit, said on its own line rather than only inside the manifest.
   */
  private void printScript(StoryOutputs.ScriptFacts script, Path lines) {
    out.printf("  script   %s, %s (%s)%n", lines, script.origin(), script.writer());
    if (script.template()) {
      out.println("  TEMPLATE: this script is a structure to edit, not facts to publish.");
      out.printf(
          "           Put your facts into %s, then: reelforge make --script %s%n", lines, lines);
    }
    if (!script.notice().isBlank()) {
      out.printf("  note     %s%n", script.notice());
    }
  }

  private int make(
      MakeOptions options,
      StoryMaker maker,
      Lines lines,
      Cancellation cancellation,
      long start,
      Optional<FolderPublisher> publishTo) {
    try {
      StoryResult result =
          maker.make(options.input(), options.folder(), options.name(), lines, cancellation);
      out.printf(
          Locale.ROOT,
          "Done in %.1f s%s: %s%n",
          (System.nanoTime() - start) / 1e9,
          result.reusedStages() > 0
              ? " (" + result.reusedStages() + " stage(s) reused from the last run)"
              : "",
          result.folder());
      out.printf("  title    %s%n", result.title());
      printScript(result.script(), result.file(StoryPipeline.SCRIPT_FILE));
      for (OutputFile output : result.outputs()) {
        out.printf(
            Locale.ROOT,
            "  %-8s %s (%.1f s, %.1f MB)%n           %s, %s, %s%n",
            output.format(),
            result.file(output.video()),
            output.durationMillis() / 1000.0,
            output.bytes() / 1e6,
            Path.of(output.thumbnail()).getFileName(),
            Path.of(output.srt()).getFileName(),
            Path.of(output.vtt()).getFileName());
      }
      out.printf("  manifest %s%n", result.manifest());
      out.printf(
          Locale.ROOT,
          "  segments %d encoded, %d reused from the render cache%n",
          result.segmentsRendered(),
          result.segmentsReused());
      if (publishTo.isPresent()) {
        return new PublishCommand(out, err).publishMade(result, publishTo.get());
      }
      return 0;
    } catch (RenderCancelledException e) {
      return stopped(lines);
    } catch (ReelForgeException e) {
      if (cancellation.isCancelled()) {
        return stopped(lines);
      }
      return failed(e, lines.stagesDone(), options.folder());
    }
  }

  private int stopped(Lines lines) {
    err.println(
        lines.stagesDone() > 0
            ? "reelforge: stopped; run the same command again to resume"
            : "reelforge: stopped before any stage was done");
    return 130;
  }

  /**
   * One line for the failure, then what the user can do: an input the pipeline refused is fixed by
   * changing it (exit 2, as for a bad option); a fault the failed task calls passing (a timeout, a
   * 5xx) is worth another try; the stages done are reused by the next run of the same command.
   */
  private int failed(ReelForgeException e, int stagesDone, Path folder) {
    err.println("reelforge: " + e.getMessage());
    for (FieldViolation violation : e.violations()) {
      err.println("  " + violation.field() + ": " + violation.message());
    }
    if (e.code() == ErrorCode.INVALID_INPUT || e.code() == ErrorCode.VALIDATION_FAILED) {
      return Cli.EXIT_USAGE;
    }
    String done =
        stagesDone == 0
            ? ""
            : String.format(
                Locale.ROOT,
                "; the %d stage(s) done are kept in %s and reused",
                stagesDone,
                folder.resolve(StoryPipeline.WORK_DIR));
    if (e.retryable()) {
      err.println("  (the same command again tries once more" + done + ")");
    } else if (stagesDone > 0) {
      err.println(
          "  (after fixing the cause, the same command resumes"
              + done.replaceFirst("^; the", ": the")
              + ")");
    }
    return 1;
  }

  /** Removes the output folder this run made, when it failed before finishing any stage. */
  private static void removeFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // Only tidiness is lost: the next run starts the same way with or without the folder.
    }
  }

  /** One line per stage; during the render a bar on a terminal, else a line per 10 %. */
  private final class Lines implements StoryProgress {

    private int lastTenth = -1;
    private int stagesDone;

    /** How many stages finished or were reused from the last run. */
    synchronized int stagesDone() {
      return stagesDone;
    }

    @Override
    public synchronized void stageStarted(String stage, boolean reused) {
      if (reused) {
        stagesDone++;
        err.printf(Locale.ROOT, "  %-17s reused from the last run%n", stage);
      } else if (isRender(stage)) {
        lastTenth = -1;
      }
    }

    @Override
    public synchronized void stageProgress(String stage, double fraction, String step) {
      if (!isRender(stage)) {
        return;
      }
      int percent = (int) Math.floor(fraction * 100);
      if (terminal) {
        int filled = percent / 5;
        err.printf(
            Locale.ROOT,
            "\r  %-17s [%s%s] %3d%% %-40.40s",
            stage,
            "#".repeat(filled),
            "-".repeat(20 - filled),
            percent,
            step);
      } else if (percent / 10 != lastTenth) {
        lastTenth = percent / 10;
        err.printf(Locale.ROOT, "  %-17s %3d%%  %s%n", stage, percent, step);
      }
    }

    @Override
    public synchronized void stageFinished(String stage, long millis) {
      stagesDone++;
      if (terminal && isRender(stage)) {
        err.print("\r" + " ".repeat(90) + "\r");
      }
      err.printf(Locale.ROOT, "  %-17s done in %.1f s%n", stage, millis / 1000.0);
    }

    /** Only the render stages draw a bar: the others are short. */
    private boolean isRender(String stage) {
      return stage.startsWith("render-");
    }
  }
}

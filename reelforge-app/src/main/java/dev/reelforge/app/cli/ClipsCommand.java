package dev.reelforge.app.cli;

import dev.reelforge.clips.ClipMaker;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

/**
 * {@code reelforge clips FILE}: a long video cut into vertical clips on this machine ({@link
 * ClipMaker}: the clips pipelines on an in-process engine, offline). A line per progress report
 * (stage and what it does) on standard error; each clip made (rank, title, times, score, reasons,
 * files), the transcriber used and how long analysis and export took on standard output. Ctrl-C
 * stops the work.
 */
final class ClipsCommand {

  private final PrintStream out;
  private final PrintStream err;

  ClipsCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(ClipsOptions options, ClipMaker maker) {
    out.printf(
        Locale.ROOT,
        "Cutting %s into up to %d clip(s) of %d–%d s (%s) into %s%n",
        options.video(),
        options.count(),
        options.minMillis() / 1000,
        options.maxMillis() / 1000,
        String.join(", ", options.formats()),
        options.folder());
    out.println(
        options.subtitle().map(s -> "Transcript: " + s).orElse("Transcript: speech recognition"));
    ProgressLine progress = new ProgressLine(err);
    try (CancelOnShutdown interrupt = new CancelOnShutdown("clips-cancel")) {
      ClipMaker.Made made =
          maker.make(
              new ClipMaker.Request(
                  options.video(),
                  options.subtitle(),
                  options.count(),
                  options.formats(),
                  options.minMillis(),
                  options.maxMillis(),
                  options.captionStyle(),
                  options.quality(),
                  options.folder()),
              progress::progress,
              interrupt.cancellation()::isCancelled);
      progress.end();
      print(made, options.folder());
      return 0;
    } catch (CancellationException e) {
      err.println("reelforge: stopped");
      return 130;
    } catch (ReelForgeException e) {
      err.println("reelforge: " + e.getMessage());
      for (FieldViolation violation : e.violations()) {
        err.println("  " + violation.field() + ": " + violation.message());
      }
      return e.code() == ErrorCode.INVALID_INPUT || e.code() == ErrorCode.VALIDATION_FAILED
          ? Cli.EXIT_USAGE
          : 1;
    }
  }

  private void print(ClipMaker.Made made, Path folder) {
    out.printf(
        Locale.ROOT,
        "%nTranscribed by %s; analysis %s, export %s%n",
        made.transcriptEngine(),
        seconds(made.analysis()),
        seconds(made.export()));
    out.printf("%d clip(s):%n", made.clips().size());
    for (ClipMaker.MadeClip clip : made.clips()) {
      out.printf(
          Locale.ROOT,
          "%n  %d. %s%n     %s – %s (%.1f s), score %.2f%n",
          clip.rank(),
          clip.title(),
          clock(clip.startMillis()),
          clock(clip.endMillis()),
          (clip.endMillis() - clip.startMillis()) / 1000.0,
          clip.score());
      if (!clip.reasons().isEmpty()) {
        out.println("     why: " + String.join("; ", clip.reasons()));
      }
      out.println(
          "     files: "
              + clip.files().stream()
                  .map(f -> f.getFileName().toString())
                  .collect(Collectors.joining(", ")));
    }
    out.println("\nIn " + folder + " (clips.json describes them)");
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  /** A time in the source: {@code 1:02:03.4} or {@code 2:03.4}. */
  static String clock(long millis) {
    long tenths = millis / 100;
    long seconds = tenths / 10;
    return seconds >= 3600
        ? String.format(
            Locale.ROOT,
            "%d:%02d:%02d.%d",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60,
            tenths % 10)
        : String.format(Locale.ROOT, "%d:%02d.%d", seconds / 60, seconds % 60, tenths % 10);
  }
}

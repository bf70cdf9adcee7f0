package dev.reelforge.app.cli;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.render.Cancellation;
import dev.reelforge.mediagen.ImageJobOutput;
import dev.reelforge.mediagen.MediaMaker;
import dev.reelforge.mediagen.MediaProgress;
import dev.reelforge.mediagen.VideoJobOutput;
import dev.reelforge.mediagen.VideoOrder;
import dev.reelforge.mediagen.engines.ProductionError;
import dev.reelforge.mediagen.engines.VideoEngines;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * {@code reelforge generate image|video}: one picture or one clip through the media pipelines on an
 * in-process engine, offline unless a vendor's key is set, with a line per progress report and the
 * written file's path at the end. Ctrl-C stops the job.
 */
final class GenerateCommand {

  private final PrintStream out;
  private final PrintStream err;

  GenerateCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(GenerateOptions options, MediaMaker maker) {
    long start = System.nanoTime();
    try (CancelOnShutdown interrupt = new CancelOnShutdown("generate-cancel")) {
      Cancellation stop = interrupt.cancellation();
      if (options.image().isPresent()) {
        return image(options, maker, stop, start);
      }
      return video(options, maker, stop, start);
    } catch (CancellationException e) {
      err.println("reelforge: stopped");
      return 130;
    } catch (ReelForgeException e) {
      return failed(e, options.video().isPresent());
    }
  }

  private int image(GenerateOptions options, MediaMaker maker, Cancellation stop, long start) {
    out.printf(
        Locale.ROOT,
        "Generating an image with %s into %s%n",
        maker.imageEngine(),
        options.folder());
    MediaMaker.MadeImage made =
        maker.makeImage(
            options.image().orElseThrow(),
            options.folder(),
            options.name(),
            lines(),
            stop::isCancelled);
    ImageJobOutput output = made.output();
    out.printf(
        Locale.ROOT,
        "Done in %.1f s: %s (%d×%d)%n",
        seconds(start),
        made.image(),
        output.width(),
        output.height());
    out.printf("  thumbnail %s%n", made.thumbnail());
    out.printf(
        Locale.ROOT,
        "  model     %s; seed %d; estimated cost $%s%n",
        output.model(),
        options.seed(),
        dollars(output.estimatedCostUsd()));
    return 0;
  }

  private int video(GenerateOptions options, MediaMaker maker, Cancellation stop, long start) {
    VideoOrder order = options.video().orElseThrow();
    VideoEngines engines = maker.engines();
    List<String> chain;
    try {
      chain = engines.chain(order.engine());
    } catch (ReelForgeException e) {
      if (e.code() == ErrorCode.INVALID_INPUT) {
        err.println("reelforge: --engine " + e.violations().getFirst().message());
        err.println(CommandHelp.seeHelp("generate"));
        return Cli.EXIT_USAGE;
      }
      throw e;
    }
    out.printf(
        Locale.ROOT,
        "Generating a %d s clip with %s%s into %s%n",
        order.durationS(),
        chain.getFirst(),
        chain.size() > 1
            ? " (then " + String.join(", then ", chain.subList(1, chain.size())) + " if it fails)"
            : "",
        options.folder());
    MediaMaker.MadeVideo made =
        maker.makeVideo(order, options.folder(), options.name(), lines(), stop::isCancelled);
    VideoJobOutput output = made.output();
    out.printf(
        Locale.ROOT,
        "Done in %.1f s: %s (%d×%d, %.1f s)%n",
        seconds(start),
        made.clip(),
        output.width(),
        output.height(),
        output.durationS());
    out.printf("  thumbnail %s%n", made.thumbnail());
    out.printf(
        Locale.ROOT,
        "  engine    %s (%s)%s; seed %d; estimated cost $%s%n",
        output.engine(),
        output.model(),
        output.fallbackUsed()
            ? ", a fallback (engines asked: " + String.join(", ", output.enginesTried()) + ")"
            : "",
        options.seed(),
        dollars(output.estimatedCostUsd()));
    return 0;
  }

  /** One line per new progress report of the job: " kling: processing (40 %)". */
  private MediaProgress lines() {
    return (fraction, message) ->
        err.printf(Locale.ROOT, "  %-40s %3d %%%n", message, (int) Math.floor(fraction * 100));
  }

  /**
   * One line for the failure, then what the user can do (seed 001 §6.3's advice for a video job):
   * an input the job refused is fixed by changing it (exit 2, as for a bad option); anything else
   * exits 1.
   */
  private int failed(ReelForgeException e, boolean video) {
    err.println("reelforge: " + e.getMessage());
    for (FieldViolation violation : e.violations()) {
      err.println("  " + violation.field() + ": " + violation.message());
    }
    if (video && e.code() != ErrorCode.SERVICE_UNAVAILABLE) {
      ProductionError advice = ProductionError.of(e.code());
      err.println(
          "  what to do: " + advice.userAction().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    if (e.code() == ErrorCode.INVALID_INPUT || e.code() == ErrorCode.VALIDATION_FAILED) {
      return Cli.EXIT_USAGE;
    }
    return 1;
  }

  /** An estimate in dollars and cents, as the API shows it. */
  private static String dollars(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}

package dev.reelforge.media.ffmpeg;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.process.CancelSignal;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * One supervised FFmpeg process for real work (as opposed to quick probes): it reports progress
 * from FFmpeg's {@code -progress} stream, obeys a {@link CancelSignal} and a deadline by killing
 * the process tree, and turns a failure into a {@code RENDER_FAILED} error that quotes the end of
 * FFmpeg's log.
 */
public final class FfmpegRun {

  private static final int LOG_LINES_KEPT = 40;
  private static final long POLL_MILLIS = 100;

  private final FfmpegInstallation installation;
  private final CancelSignal cancellation;
  private final long deadlineNanos;

  /**
   * @param deadlineNanos the {@link System#nanoTime()} after which FFmpeg is killed
   */
  public FfmpegRun(FfmpegInstallation installation, CancelSignal cancellation, long deadlineNanos) {
    this.installation = installation;
    this.cancellation = cancellation;
    this.deadlineNanos = deadlineNanos;
  }

  /** The same deadline, obeying another cancellation (for work run beside this one). */
  public FfmpegRun with(CancelSignal other) {
    return new FfmpegRun(installation, other, deadlineNanos);
  }

  /** A supervisor whose deadline is {@code timeout} from now. */
  public static FfmpegRun within(
      FfmpegInstallation installation, CancelSignal cancellation, Duration timeout) {
    return new FfmpegRun(installation, cancellation, System.nanoTime() + timeout.toNanos());
  }

  /**
   * Runs FFmpeg with {@code arguments} (without the executable and the logging flags, which are
   * added here) and waits for it.
   *
   * @param what what the run does, for error messages ("segment 3", "audio mix")
   * @param outTimeMicros told how far the output has got, in microseconds; may be null
   * @return FFmpeg's log (standard error), for the callers that read measurements from it
   */
  public String run(String what, List<String> arguments, LongConsumer outTimeMicros) {
    return run(what, arguments, outTimeMicros, null);
  }

  /** Writes what FFmpeg reads from {@code pipe:0} (raw frames made in Java). */
  @FunctionalInterface
  public interface Feeder {
    void feed(OutputStream stdin) throws IOException;
  }

  /**
   * Runs FFmpeg as {@link #run(String, List, LongConsumer)} does, with {@code feeder} writing its
   * standard input on another thread; the pipe is closed when the feeder returns.
   */
  public String run(
      String what, List<String> arguments, LongConsumer outTimeMicros, Feeder feeder) {
    cancellation.throwIfCancelled();
    List<String> command = new ArrayList<>();
    command.add(installation.ffmpeg().toString());
    command.addAll(List.of("-hide_banner", "-nostdin", "-nostats", "-progress", "pipe:1", "-y"));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(installation.environment());
    Process process;
    try {
      process = builder.start();
      if (feeder == null) {
        process.getOutputStream().close();
      }
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.RENDER_FAILED, "cannot start FFmpeg for " + what + ": " + e.getMessage(), e);
    }
    CompletableFuture<Void> progress =
        readOnVirtualThread(() -> readProgress(process.getInputStream(), outTimeMicros));
    Deque<String> log = new ArrayDeque<>();
    CompletableFuture<Void> errors =
        readOnVirtualThread(() -> keepTail(process.getErrorStream(), log));
    CompletableFuture<Void> input =
        feeder == null
            ? CompletableFuture.completedFuture(null)
            : CompletableFuture.runAsync(
                () -> feed(process, feeder), r -> Thread.ofPlatform().name("ffmpeg-feed").start(r));
    try {
      waitFor(process, what);
      progress.join();
      errors.join();
      input.join();
    } catch (RuntimeException e) {
      destroyTree(process);
      throw e;
    }
    String output;
    synchronized (log) {
      output = String.join("\n", log);
    }
    if (process.exitValue() != 0) {
      throw new ReelForgeException(
          ErrorCode.RENDER_FAILED,
          "FFmpeg failed on " + what + " (exit " + process.exitValue() + "): " + lastLines(output));
    }
    return output;
  }

  private void waitFor(Process process, String what) {
    try {
      while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        cancellation.throwIfCancelled();
        if (System.nanoTime() - deadlineNanos > 0) {
          throw new ReelForgeException(
              ErrorCode.TIMEOUT, "the render ran out of time during " + what);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw cancellation.cancelledException();
    }
  }

  private static void feed(Process process, Feeder feeder) {
    try (OutputStream stdin = new BufferedOutputStream(process.getOutputStream(), 1 << 20)) {
      feeder.feed(stdin);
    } catch (IOException e) {
      // FFmpeg stopped reading (it failed, finished early or was killed); its exit status and log
      // say why, so the broken pipe adds nothing.
    }
  }

  private static String lastLines(String log) {
    List<String> lines = log.strip().lines().toList();
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - 4), lines.size()));
  }

  private static CompletableFuture<Void> readOnVirtualThread(Runnable reader) {
    return CompletableFuture.runAsync(
        reader, r -> Thread.ofVirtual().name("ffmpeg-output").start(r));
  }

  private static void readProgress(InputStream in, LongConsumer outTimeMicros) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        // FFmpeg writes "out_time_us=1234567" (and "out_time_ms", which is also microseconds).
        if (outTimeMicros != null && line.startsWith("out_time_us=")) {
          String value = line.substring("out_time_us=".length()).strip();
          if (!value.equals("N/A")) {
            outTimeMicros.accept(Long.parseLong(value));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void keepTail(InputStream in, Deque<String> log) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        synchronized (log) {
          log.addLast(line);
          if (log.size() > LOG_LINES_KEPT) {
            log.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void destroyTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

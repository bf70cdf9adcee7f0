package dev.reelforge.media.ffmpeg;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.media.render.Cancellation;
import dev.reelforge.media.render.RenderCancelledException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
 * from FFmpeg's {@code -progress} stream, obeys a {@link Cancellation} and a deadline by killing
 * the process tree, and turns a failure into a {@code RENDER_FAILED} error that quotes the end of
 * FFmpeg's log.
 */
public final class FfmpegRun {

  private static final int LOG_LINES_KEPT = 40;
  private static final long POLL_MILLIS = 100;

  private final FfmpegInstallation installation;
  private final Cancellation cancellation;
  private final long deadlineNanos;

  /**
   * @param deadlineNanos the {@link System#nanoTime()} after which FFmpeg is killed
   */
  public FfmpegRun(FfmpegInstallation installation, Cancellation cancellation, long deadlineNanos) {
    this.installation = installation;
    this.cancellation = cancellation;
    this.deadlineNanos = deadlineNanos;
  }

  /** A supervisor whose deadline is {@code timeout} from now. */
  public static FfmpegRun within(
      FfmpegInstallation installation, Cancellation cancellation, Duration timeout) {
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
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.RENDER_FAILED, "cannot start FFmpeg for " + what + ": " + e.getMessage(), e);
    }
    CompletableFuture<Void> progress =
        readOnVirtualThread(() -> readProgress(process.getInputStream(), outTimeMicros));
    Deque<String> log = new ArrayDeque<>();
    CompletableFuture<Void> errors =
        readOnVirtualThread(() -> keepTail(process.getErrorStream(), log));
    try {
      waitFor(process, what);
      progress.join();
      errors.join();
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
        if (cancellation.isCancelled()) {
          throw new RenderCancelledException();
        }
        if (System.nanoTime() - deadlineNanos > 0) {
          throw new ReelForgeException(
              ErrorCode.TIMEOUT, "the render ran out of time during " + what);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RenderCancelledException();
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

package dev.reelforge.media.ffmpeg;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.process.CancelSignal;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One supervised FFmpeg process whose output ({@code pipe:1}: raw frames, raw samples) is read by
 * the caller as it comes, for analyses that must not land on disk. {@link FfmpegRun} cannot do
 * this: it reads standard output for progress.
 *
 * <p>A watchdog kills the process tree when the work is cancelled or the deadline passes, which
 * also unblocks the caller's read; the caller then gets the cancellation or a {@code TIMEOUT}.
 */
public final class FfmpegPipe {

  private static final int LOG_LINES_KEPT = 20;
  private static final long POLL_MILLIS = 100;

  private final FfmpegInstallation installation;
  private final CancelSignal cancellation;
  private final long deadlineNanos;

  public FfmpegPipe(
      FfmpegInstallation installation, CancelSignal cancellation, long deadlineNanos) {
    this.installation = installation;
    this.cancellation = cancellation;
    this.deadlineNanos = deadlineNanos;
  }

  /** Reads what FFmpeg writes to its standard output. */
  @FunctionalInterface
  public interface Reader {
    void read(InputStream stdout) throws IOException;
  }

  /**
   * Runs FFmpeg with {@code arguments} (which must write to {@code pipe:1}) and hands its output to
   * {@code reader} on the calling thread; returns once FFmpeg has exited.
   *
   * @param what what the run does, for error messages
   */
  public void run(String what, List<String> arguments, Reader reader) {
    cancellation.throwIfCancelled();
    List<String> command = new ArrayList<>();
    command.add(installation.ffmpeg().toString());
    command.addAll(List.of("-hide_banner", "-nostdin", "-nostats", "-v", "error"));
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
    Deque<String> log = new ArrayDeque<>();
    CompletableFuture<Void> errors =
        CompletableFuture.runAsync(
            () -> keepTail(process.getErrorStream(), log),
            r -> Thread.ofVirtual().name("ffmpeg-log").start(r));
    AtomicReference<RuntimeException> stopped = new AtomicReference<>();
    // The watchdog ends by itself once the process has exited.
    Thread.ofVirtual().name("ffmpeg-watchdog").start(() -> watch(process, what, stopped));
    try (InputStream out = new BufferedInputStream(process.getInputStream(), 1 << 16)) {
      reader.read(out);
      // Whatever the reader left unread is drained, so FFmpeg never blocks on a full pipe.
      out.transferTo(OutputStream.nullOutputStream());
      process.waitFor();
    } catch (IOException e) {
      destroyTree(process);
      if (stopped.get() == null) {
        throw new UncheckedIOException(e);
      }
    } catch (InterruptedException e) {
      destroyTree(process);
      Thread.currentThread().interrupt();
      throw cancellation.cancelledException();
    } catch (RuntimeException e) {
      destroyTree(process);
      throw stopped.get() != null ? stopped.get() : e;
    }
    if (stopped.get() != null) {
      throw stopped.get();
    }
    errors.join();
    if (process.exitValue() != 0) {
      String tail;
      synchronized (log) {
        tail = String.join(" | ", log);
      }
      throw new ReelForgeException(
          ErrorCode.RENDER_FAILED,
          "FFmpeg failed on " + what + " (exit " + process.exitValue() + "): " + tail);
    }
  }

  private void watch(Process process, String what, AtomicReference<RuntimeException> stopped) {
    try {
      while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        RuntimeException reason = null;
        if (cancellation.isCancelled()) {
          reason = cancellation.cancelledException();
        } else if (System.nanoTime() - deadlineNanos > 0) {
          reason = new ReelForgeException(ErrorCode.TIMEOUT, "FFmpeg ran out of time on " + what);
        }
        if (reason != null) {
          stopped.compareAndSet(null, reason);
          destroyTree(process);
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
      // The process was killed while its log was read; the exit status says what happened.
    }
  }

  private static void destroyTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}

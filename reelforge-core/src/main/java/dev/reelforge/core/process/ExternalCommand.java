package dev.reelforge.core.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external program to completion with a time limit and returns its exit code and combined
 * output. Used for short-lived tools (probing FFmpeg, {@code pg_ctl}); long renders use their own
 * supervised processes.
 *
 * <p>On timeout or interruption the whole process tree is destroyed, so that a hung tool never
 * outlives the request that started it.
 */
public final class ExternalCommand {

  private static final java.util.concurrent.Executor OUTPUT_READERS =
      runnable -> Thread.ofVirtual().name("external-command-output").start(runnable);

  private final List<String> command;
  private final Path workingDirectory;
  private final Map<String, String> environment;
  private final Duration timeout;

  private ExternalCommand(
      List<String> command,
      Path workingDirectory,
      Map<String, String> environment,
      Duration timeout) {
    this.command = List.copyOf(command);
    this.workingDirectory = workingDirectory;
    this.environment = Map.copyOf(environment);
    this.timeout = timeout;
  }

  public static ExternalCommand of(List<String> command, Duration timeout) {
    return new ExternalCommand(command, null, Map.of(), timeout);
  }

  /** The same command run in {@code directory}. */
  public ExternalCommand in(Path directory) {
    return new ExternalCommand(command, directory, environment, timeout);
  }

  /** The same command with extra environment variables. */
  public ExternalCommand withEnvironment(Map<String, String> extra) {
    return new ExternalCommand(command, workingDirectory, extra, timeout);
  }

  public List<String> command() {
    return command;
  }

  /**
   * Starts the program and waits for it.
   *
   * @throws ExternalCommandException when it cannot be started or does not finish in time
   */
  public Result run() {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (workingDirectory != null) {
      builder.directory(workingDirectory.toFile());
    }
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new ExternalCommandException(
          "cannot start " + command.getFirst() + ": " + e.getMessage(), e);
    }
    closeQuietly(process);
    // Read on a virtual thread: a blocking read must not occupy the shared fork-join pool.
    CompletableFuture<String> output =
        CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()), OUTPUT_READERS);
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        destroyTree(process);
        throw new ExternalCommandException(
            command.getFirst() + " did not finish within " + timeout.toSeconds() + " s", null);
      }
      return new Result(process.exitValue(), output.join());
    } catch (InterruptedException e) {
      destroyTree(process);
      Thread.currentThread().interrupt();
      throw new ExternalCommandException(command.getFirst() + " was interrupted", e);
    }
  }

  private static void closeQuietly(Process process) {
    // The tools run here never read standard input; closing it makes one that tries see EOF
    // instead of waiting forever.
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // Nothing was written, so there is nothing to lose.
    }
  }

  private static void destroyTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static String readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      in.transferTo(buffer);
      return buffer.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a finished program returned. */
  public record Result(int exitCode, String output) {
    public boolean succeeded() {
      return exitCode == 0;
    }

    /** The output trimmed to its last lines: enough to explain a failure in one message. */
    public String tail(int lines) {
      List<String> all = output.strip().lines().toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
  }

  /** The program could not be started, timed out or was interrupted. */
  public static final class ExternalCommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExternalCommandException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

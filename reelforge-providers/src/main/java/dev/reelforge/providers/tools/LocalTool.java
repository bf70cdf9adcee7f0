package dev.reelforge.providers.tools;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A program installed on this machine (festival, espeak-ng, fluidsynth) that an offline provider
 * runs as a child process. Found on {@code PATH} once; each run is bounded by a timeout, after
 * which the process and its children are killed, so a wedged tool never holds a pipeline stage
 * forever.
 */
public final class LocalTool {

  private final String name;
  private final Optional<Path> executable;

  private LocalTool(String name, Optional<Path> executable) {
    this.name = name;
    this.executable = executable;
  }

  /** The program called {@code name} on {@code PATH}, which may be missing. */
  public static LocalTool onPath(String name) {
    return new LocalTool(name, find(name, System.getenv("PATH")));
  }

  static Optional<Path> find(String name, String path) {
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  public String name() {
    return name;
  }

  public boolean installed() {
    return executable.isPresent();
  }

  /**
   * Runs the tool with {@code arguments}, writing {@code stdin} (when given) to it.
   *
   * @throws ToolFailure when the tool is missing, cannot start, times out or exits non-zero; its
   *     message carries the end of the tool's error output
   */
  public String run(List<String> arguments, Optional<String> stdin, Duration timeout) {
    Path program = executable.orElseThrow(() -> new ToolFailure(name + " is not installed"));
    List<String> command = new ArrayList<>();
    command.add(program.toString());
    command.addAll(arguments);
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new ToolFailure(name + " could not start: " + e.getMessage());
    }
    try {
      CompletableFuture<String> out = drain(process.getInputStream());
      CompletableFuture<String> err = drain(process.getErrorStream());
      try (OutputStream in = process.getOutputStream()) {
        if (stdin.isPresent()) {
          in.write(stdin.get().getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new ToolFailure(name + " did not finish within " + timeout.toSeconds() + " s");
      }
      if (process.exitValue() != 0) {
        throw new ToolFailure(
            name + " exited with " + process.exitValue() + ": " + tail(err.join()));
      }
      return out.join();
    } catch (IOException e) {
      throw new ToolFailure(name + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolFailure(name + " was interrupted");
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        Thread::startVirtualThread);
  }

  private static String tail(String text) {
    String trimmed = text.strip();
    return trimmed.length() <= 400 ? trimmed : "…" + trimmed.substring(trimmed.length() - 400);
  }

  /** A run of a local tool that produced nothing usable. */
  public static final class ToolFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ToolFailure(String message) {
      super(message);
    }
  }
}

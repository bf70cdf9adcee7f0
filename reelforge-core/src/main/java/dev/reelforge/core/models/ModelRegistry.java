package dev.reelforge.core.models;

import dev.reelforge.core.models.ModelStatus.State;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The models this process may load (seed 003 AC6), registered by role, name and version with a
 * warm-up action: loading a speech model or a face cascade takes seconds, and a worker should pay
 * for it when it starts rather than in its first task.
 *
 * <p>{@link #warmUpAll} runs each cold model's warm-up once, one after another, timing it; a
 * failure or a warm-up that overruns its time is recorded against that model and the others still
 * warm up. The registry is per process: each worker warms up its own.
 *
 * <p>Thread-safe: registration, warm-ups and snapshots may come from any thread.
 */
public final class ModelRegistry {

  /** The role of speech-to-text models ({@code core.transcript.Transcriber}). */
  public static final String TRANSCRIBER = "transcriber";

  /** The role of face detectors ({@code core.vision.FaceDetector}). */
  public static final String FACE_DETECTOR = "face-detector";

  private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  /** A model's warm-up: load what it needs, run one small input. May throw anything. */
  @FunctionalInterface
  public interface WarmUp {
    void run() throws Exception;
  }

  private record Key(String role, String name) {}

  private static final class Entry {
    final WarmUp warmUp;
    volatile ModelStatus status;

    Entry(ModelStatus status, WarmUp warmUp) {
      this.status = status;
      this.warmUp = warmUp;
    }
  }

  private final Clock clock;
  private final Map<Key, Entry> models = new LinkedHashMap<>();

  public ModelRegistry(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Registers a model, cold. Registering the same role and name again replaces the earlier entry (a
   * new version, for instance), which is then cold again.
   *
   * @throws IllegalArgumentException for a role that is not lower-case words with hyphens, or a
   *     blank name or version
   */
  public void register(String role, String name, String version, WarmUp warmUp) {
    if (role == null || !ROLE.matcher(role).matches()) {
      throw new IllegalArgumentException(
          "a model role is lower-case words with hyphens, e.g. face-detector: " + role);
    }
    requireText(name, "name");
    requireText(version, "version");
    Objects.requireNonNull(warmUp, "warmUp");
    ModelStatus cold = new ModelStatus(role, name, version, State.COLD, 0, "", Optional.empty());
    synchronized (models) {
      models.put(new Key(role, name), new Entry(cold, warmUp));
    }
  }

  /** Every registered model, by role and name. */
  public List<ModelStatus> snapshot() {
    synchronized (models) {
      return models.values().stream()
          .map(e -> e.status)
          .sorted(Comparator.comparing(ModelStatus::role).thenComparing(ModelStatus::name))
          .toList();
    }
  }

  /** One model, if registered. */
  public Optional<ModelStatus> model(String role, String name) {
    synchronized (models) {
      return Optional.ofNullable(models.get(new Key(role, name))).map(e -> e.status);
    }
  }

  public boolean isEmpty() {
    synchronized (models) {
      return models.isEmpty();
    }
  }

  /**
   * Warms up every model that is cold (or failed before), one after another, each given at most
   * {@code timeout}; models warm or warming already are left alone, so concurrent calls never run a
   * warm-up twice. Answers the snapshot afterwards.
   */
  public List<ModelStatus> warmUpAll(Duration timeout) {
    for (Map.Entry<Key, Entry> claimed : claimCold()) {
      warmUp(claimed.getKey(), claimed.getValue(), timeout);
    }
    return snapshot();
  }

  /** Marks the cold and failed models as warming, under the lock, and answers them. */
  private List<Map.Entry<Key, Entry>> claimCold() {
    List<Map.Entry<Key, Entry>> claimed = new ArrayList<>();
    synchronized (models) {
      for (Map.Entry<Key, Entry> entry : models.entrySet()) {
        ModelStatus status = entry.getValue().status;
        if (status.state() == State.COLD || status.state() == State.FAILED) {
          entry.getValue().status = with(status, State.WARMING, 0, "");
          claimed.add(entry);
        }
      }
    }
    return claimed;
  }

  /**
   * Runs one warm-up on a virtual thread of its own, so that one that hangs can be abandoned (and
   * interrupted) when its time is up without holding up the others.
   */
  private void warmUp(Key key, Entry entry, Duration timeout) {
    long started = System.nanoTime();
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread thread =
        Thread.ofVirtual()
            .name("model-warm-up-" + key.role() + "-" + key.name())
            .start(
                () -> {
                  try {
                    entry.warmUp.run();
                    done.complete(null);
                  } catch (Throwable e) {
                    done.completeExceptionally(e);
                  }
                });
    String error = "";
    try {
      done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      thread.interrupt();
      error = "did not finish within " + timeout;
    } catch (ExecutionException e) {
      error = describe(e.getCause() == null ? e : e.getCause());
    } catch (InterruptedException e) {
      thread.interrupt();
      Thread.currentThread().interrupt();
      error = "interrupted";
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    synchronized (models) {
      entry.status = with(entry.status, error.isEmpty() ? State.WARM : State.FAILED, millis, error);
    }
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
  }

  private ModelStatus with(ModelStatus status, State state, long millis, String error) {
    boolean ended = state == State.WARM || state == State.FAILED;
    return new ModelStatus(
        status.role(),
        status.name(),
        status.version(),
        state,
        millis,
        error,
        ended ? Optional.of(clock.instant()) : Optional.empty());
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a model needs a " + what);
    }
  }
}

package dev.reelforge.media.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two renders asking for one source at once, when the waiting one is cancelled. The source is a
 * named pipe, so a reading lasts exactly as long as the test wants: held open read-write by the
 * test, it never blocks an opener, and a reader waits in {@code read} until the test writes and
 * closes it.
 */
class ContentHashesTest {

  private static final String HELLO_SHA256 =
      "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

  @TempDir Path media;

  private final ContentHashes cache = new ContentHashes(16);

  @Test
  void aWaitingRenderThatIsCancelledStopsWhileTheReadingGoesOn() throws Exception {
    Path pipe = fifo();
    try (RandomAccessFile held = new RandomAccessFile(pipe.toFile(), "rw")) {
      Attempt reader = Attempt.start(() -> cache.hash(pipe));
      awaitReadings(1);
      Attempt waiter = Attempt.start(() -> cache.hash(pipe));
      waiter.awaitWaiting();

      waiter.thread.interrupt();
      assertThatThrownBy(waiter::result)
          .hasCauseInstanceOf(CancellationException.class)
          .hasStackTraceContaining("another render hashed the same source");
      assertThat(waiter.interruptedAtEnd.get()).as("the interrupt is kept").isTrue();

      held.write("hello".getBytes(StandardCharsets.UTF_8));
      held.close();
      assertThat(reader.result()).isEqualTo(HELLO_SHA256);
    }
    assertThat(cache.readings()).isEqualTo(1);
  }

  private Path fifo() throws Exception {
    Path pipe = media.resolve("source.pipe");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
    } catch (java.io.IOException e) {
      assumeTrue(false, "needs mkfifo (coreutils)");
      throw e;
    }
    assertThat(mkfifo.waitFor()).isZero();
    return pipe;
  }

  private void awaitReadings(long count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (cache.readings() < count) {
      assertThat(System.nanoTime()).as("readings reached %d", count).isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  /** One caller of {@link ContentHashes#hash} on its own thread. */
  private record Attempt(
      Thread thread, CompletableFuture<String> outcome, AtomicBoolean interruptedAtEnd) {

    static Attempt start(java.util.concurrent.Callable<String> call) {
      CompletableFuture<String> outcome = new CompletableFuture<>();
      AtomicBoolean interrupted = new AtomicBoolean();
      Thread thread =
          Thread.ofPlatform()
              .daemon()
              .unstarted(
                  () -> {
                    try {
                      outcome.complete(call.call());
                    } catch (Throwable e) {
                      outcome.completeExceptionally(e);
                    } finally {
                      interrupted.set(Thread.currentThread().isInterrupted());
                    }
                  });
      thread.start();
      return new Attempt(thread, outcome, interrupted);
    }

    String result() throws Exception {
      thread.join(10_000);
      return outcome.get(1, TimeUnit.SECONDS);
    }

    /** Until the caller is parked waiting for another caller's reading. */
    void awaitWaiting() throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (thread.getState() != Thread.State.WAITING) {
        assertThat(System.nanoTime()).as("the caller waits").isLessThan(deadline);
        Thread.sleep(5);
      }
    }
  }
}

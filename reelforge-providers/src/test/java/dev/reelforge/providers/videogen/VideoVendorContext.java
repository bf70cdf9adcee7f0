package dev.reelforge.providers.videogen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.cost.CostLedger;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.videogen.VideoRequest;
import dev.reelforge.core.videogen.VideoRequest.Aspect;
import dev.reelforge.core.videogen.VideoRequest.Resolution;
import dev.reelforge.core.videogen.VideoRequest.VideoFrame;
import dev.reelforge.providers.http.CloudContext;
import dev.reelforge.providers.http.ProviderHttp;
import dev.reelforge.providers.http.ResilienceOptions;
import dev.reelforge.testkit.MutableClock;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * What the video vendor tests build adapters with: a settable clock, a sleeper that records waits
 * (and moves the clock) instead of sleeping, a cost ledger and a client of the test's own.
 */
public final class VideoVendorContext {

  public final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
  public final List<Duration> waits = new CopyOnWriteArrayList<>();
  public final CostLedger costs = new CostLedger();

  public CloudContext context() {
    return new CloudContext(
        costs,
        clock,
        duration -> {
          waits.add(duration);
          clock.advance(duration);
        },
        ProviderHttp.Observer.NONE,
        HttpClient.newHttpClient());
  }

  /** Fast options for tests: 2 s timeout, 3 attempts. */
  public static ResilienceOptions resilience() {
    return ResilienceOptions.defaults().withTimeout(Duration.ofSeconds(2));
  }

  /** A text-to-video request. */
  public static VideoRequest text(String prompt, int seconds, Aspect aspect) {
    return new VideoRequest(
        prompt, Optional.empty(), Optional.empty(), seconds, 24, Resolution.P480, aspect, 1);
  }

  /** An image-to-video request, with an end frame when {@code end} is not null. */
  public static VideoRequest frames(
      String prompt, VideoFrame start, VideoFrame end, int seconds, Aspect aspect) {
    return new VideoRequest(
        prompt,
        Optional.of(start),
        Optional.ofNullable(end),
        seconds,
        24,
        Resolution.P720,
        aspect,
        1);
  }

  /** A {@code width}×{@code height} PNG of one colour, as a start or end frame. */
  public static Path picture(Path dir, String name, int width, int height, Color colour)
      throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, width, height);
    g.dispose();
    Path file = dir.resolve(name);
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  /** Asserts {@code call} fails with a {@link ReelForgeException} and returns it. */
  public static ReelForgeException failure(ThrowingCallable call) {
    ReelForgeException[] caught = new ReelForgeException[1];
    assertThatThrownBy(call).isInstanceOfSatisfying(ReelForgeException.class, e -> caught[0] = e);
    return caught[0];
  }

  /**
   * Asserts {@code call} fails with {@code code} and the retryable flag {@code retryable}, its
   * message containing each of {@code words}, and returns the error for further checks.
   */
  public static ReelForgeException failsWith(
      ThrowingCallable call, ErrorCode code, boolean retryable, String... words) {
    ReelForgeException e = failure(call);
    assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
    assertThat(e.retryable()).as(e.getMessage()).isEqualTo(retryable);
    for (String word : words) {
      assertThat(e.getMessage()).contains(word);
    }
    return e;
  }
}

package dev.reelforge.providers.meta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GraphErrorsTest {

  private final GraphErrors errors = new GraphErrors("Instagram");

  private GraphApiException read(int status, String body) {
    ReelForgeException e = errors.read(status, body.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    return (GraphApiException) e;
  }

  private static String envelope(int code, int subcode) {
    return "{\"error\":{\"message\":\"said\",\"type\":\"OAuthException\",\"code\":"
        + code
        + (subcode == 0 ? "" : ",\"error_subcode\":" + subcode)
        + ",\"fbtrace_id\":\"AbC123\"}}";
  }

  @Test
  void anExpiredTokenNeedsTheAccountConnectedAgain() {
    GraphApiException e = read(400, envelope(190, 463));
    assertThat(e.code()).isEqualTo(ErrorCode.AUTH_REQUIRED);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("connect the account again", "190/463", "AbC123");
  }

  @Test
  void rateLimitsAndThePublishingCapAreQuotaToldApart() {
    for (int code : new int[] {4, 17, 32, 613}) {
      GraphApiException e = read(400, envelope(code, 0));
      assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
      assertThat(e.retryable()).isTrue();
      assertThat(e.rateLimit()).isTrue();
      assertThat(e.publishingLimit()).isFalse();
    }
    GraphApiException cap = read(400, envelope(9, 2207042));
    assertThat(cap.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
    assertThat(cap.publishingLimit()).isTrue();
  }

  @Test
  void unknownAndUnavailableAreRetryableOtherRefusalsAreNot() {
    assertThat(read(500, envelope(1, 0)).retryable()).isTrue();
    assertThat(read(503, envelope(2, 0)).retryable()).isTrue();
    GraphApiException invalid = read(400, envelope(100, 0));
    assertThat(invalid.retryable()).isFalse();
    assertThat(invalid.code()).isEqualTo(ErrorCode.EXTERNAL_API_ERROR);
    GraphApiException permission = read(403, envelope(200, 0));
    assertThat(permission.code()).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(permission.retryable()).isFalse();
  }

  @Test
  void bodiesThatAreNoEnvelopeAreLeftToTheGenericMapping() {
    assertThat(errors.read(502, "<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
    assertThat(errors.read(400, "{\"error\":\"text\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void theNextSlotIsWhenTheCapthNewestPostLeavesTheWindow() {
    java.time.Instant now = java.time.Instant.parse("2026-11-21T12:00:00Z");
    java.util.List<java.time.Instant> newest =
        java.util.List.of(now.minusSeconds(3600), now.minusSeconds(7200), now.minusSeconds(72000));
    assertThat(PublishingWindow.nextSlot(newest, 3, now))
        .isEqualTo(now.minusSeconds(72000).plus(PublishingWindow.WINDOW).plusSeconds(60));
    assertThat(PublishingWindow.nextSlot(newest.subList(0, 1), 3, now))
        .isEqualTo(now.plus(PublishingWindow.RATE_LIMIT_WINDOW));
    assertThat(PublishingWindow.parse("2026-11-21T12:00:00+0000")).contains(now);
  }
}

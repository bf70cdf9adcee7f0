package dev.reelforge.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every HTTP status an adapter can meet, mapped onto the error taxonomy in one place. */
class HttpErrorsTest {

  private static byte[] body(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void clientErrorsOtherThanTimeoutTooEarlyAndRateLimitArePermanentRejections() {
    for (int status : new int[] {400, 401, 403, 404, 405, 409, 413, 415, 422, 451}) {
      ReelForgeException e =
          HttpErrors.forStatus("demo", status, body("{\"error\":{\"message\":\"no\"}}"));
      assertThat(e).as("HTTP " + status).isInstanceOf(ProviderRejection.class);
      assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_API_ERROR);
      assertThat(e.retryable()).as("HTTP " + status).isFalse();
      assertThat(((ProviderRejection) e).status()).isEqualTo(status);
      assertThat(e.getMessage()).contains("HTTP " + status).endsWith(": no");
    }
  }

  @Test
  void refusedCredentialsNameTheKeySetting() {
    for (int status : new int[] {401, 403}) {
      assertThat(HttpErrors.forStatus("pexels", status, body("")).getMessage())
          .contains("check reelforge.providers.pexels.api-key");
    }
    assertThat(HttpErrors.forStatus("pexels", 404, body("")).getMessage())
        .doesNotContain("api-key");
  }

  @Test
  void rateLimitsTimeoutsAndServerErrorsAreRetryable() {
    ReelForgeException limited = HttpErrors.forStatus("demo", 429, body("slow down"));
    assertThat(limited.code()).isEqualTo(ErrorCode.RATE_LIMIT_EXCEEDED);
    assertThat(limited.retryable()).isTrue();
    assertThat(limited.getMessage()).isEqualTo("demo failed (HTTP 429): slow down");
    for (int status : new int[] {408, 425, 500, 502, 503, 504, 529}) {
      ReelForgeException e = HttpErrors.forStatus("demo", status, body("<h1>Bad gateway</h1>"));
      assertThat(e).as("HTTP " + status).isNotInstanceOf(ProviderRejection.class);
      assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_API_ERROR);
      assertThat(e.retryable()).as("HTTP " + status).isTrue();
      assertThat(e.getMessage()).endsWith("Bad gateway");
    }
  }

  @Test
  void theProvidersOwnErrorCodeIsKeptForAdaptersThatGiveItAMeaning() {
    ProviderRejection refused =
        (ProviderRejection)
            HttpErrors.forStatus(
                "openai",
                400,
                body(
                    "{\"error\":{\"message\":\"refused\",\"code\":\"content_policy_violation\"}}"));
    assertThat(refused.providerCode()).isEqualTo("content_policy_violation");
    assertThat(refused.providerMessage()).isEqualTo("refused");
  }

  @Test
  void failuresBelowHttpAreRetryable() {
    ReelForgeException timeout =
        HttpErrors.timedOut(
            "demo", Duration.ofSeconds(2), new java.net.http.HttpTimeoutException("slow"));
    assertThat(timeout.code()).isEqualTo(ErrorCode.EXTERNAL_API_TIMEOUT);
    assertThat(timeout.retryable()).isTrue();
    assertThat(timeout.getMessage()).contains("2000 ms");
    ReelForgeException unreachable =
        HttpErrors.unreachable("demo", new java.net.ConnectException("Connection refused"));
    assertThat(unreachable.code()).isEqualTo(ErrorCode.EXTERNAL_API_ERROR);
    assertThat(unreachable.retryable()).isTrue();
    assertThat(unreachable.getMessage()).contains("ConnectException Connection refused");
    ReelForgeException later = HttpErrors.retryLater("demo", Duration.ofSeconds(90));
    assertThat(later.code()).isEqualTo(ErrorCode.RATE_LIMIT_EXCEEDED);
    assertThat(later.retryable()).isTrue();
  }

  @Test
  void retryAfterIsReadAsSecondsOrAnHttpDate() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);
    assertThat(RetryAfter.of(headers("7"), clock)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.of(headers("-3"), clock)).contains(Duration.ZERO);
    assertThat(RetryAfter.of(headers("Sat, 21 Nov 2026 12:00:45 GMT"), clock))
        .contains(Duration.ofSeconds(45));
    assertThat(RetryAfter.of(headers("Sat, 21 Nov 2026 11:00:00 GMT"), clock))
        .contains(Duration.ZERO);
    assertThat(RetryAfter.of(headers("soon"), clock)).isEmpty();
    assertThat(RetryAfter.of(HttpHeaders.of(Map.of(), (a, b) -> true), clock))
        .isEqualTo(Optional.empty());
  }

  private static HttpHeaders headers(String retryAfter) {
    return HttpHeaders.of(Map.of("Retry-After", List.of(retryAfter)), (a, b) -> true);
  }
}

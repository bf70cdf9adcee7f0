package dev.reelforge.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

  @Test
  void containsEverySeedCodeWithItsStatus() {
    // seed 000 src/core/errors.js ERROR_CODES, statuses from its helpers and SPEC.md.
    assertThat(ErrorCode.INVALID_INPUT.httpStatus()).isEqualTo(400);
    assertThat(ErrorCode.VALIDATION_FAILED.httpStatus()).isEqualTo(400);
    assertThat(ErrorCode.AUTH_REQUIRED.httpStatus()).isEqualTo(401);
    assertThat(ErrorCode.INSUFFICIENT_CREDITS.httpStatus()).isEqualTo(402);
    assertThat(ErrorCode.FORBIDDEN.httpStatus()).isEqualTo(403);
    assertThat(ErrorCode.RESOURCE_NOT_FOUND.httpStatus()).isEqualTo(404);
    assertThat(ErrorCode.RATE_LIMIT_EXCEEDED.httpStatus()).isEqualTo(429);
    assertThat(ErrorCode.RENDER_FAILED.httpStatus()).isEqualTo(500);
    assertThat(ErrorCode.TIMEOUT.httpStatus()).isEqualTo(504);
    List<String> seed =
        List.of(
            "INVALID_INPUT",
            "VALIDATION_FAILED",
            "AUTH_REQUIRED",
            "FORBIDDEN",
            "INSUFFICIENT_CREDITS",
            "RESOURCE_NOT_FOUND",
            "INGEST_FAILED",
            "SCRIPT_GENERATION_FAILED",
            "STORYBOARD_FAILED",
            "TTS_FAILED",
            "CAPTION_FAILED",
            "RENDER_FAILED",
            "EXTERNAL_API_ERROR",
            "EXTERNAL_API_TIMEOUT",
            "TIMEOUT",
            "RATE_LIMIT_EXCEEDED",
            "INTERNAL_ERROR");
    assertThat(Arrays.stream(ErrorCode.values()).map(Enum::name)).containsAll(seed);
  }

  @Test
  void onlyTransientFailuresAreRetryable() {
    for (ErrorCode code : ErrorCode.values()) {
      boolean transientStatus = code.httpStatus() == 429 || code.httpStatus() >= 502;
      if (code == ErrorCode.IDEMPOTENT_IN_PROGRESS) {
        transientStatus = true;
      }
      assertThat(code.retryable()).as(code.name()).isEqualTo(transientStatus);
    }
  }

  @Test
  void exceptionKeepsViolationsAndCanChangeRetryability() {
    ReelForgeException e =
        ReelForgeException.invalidField("beats[2].text", "at most 160 characters");
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
    assertThat(e.violations())
        .containsExactly(new FieldViolation("beats[2].text", "at most 160 characters"));
    assertThat(e.retryable()).isFalse();
    ReelForgeException retryable =
        new ReelForgeException(ErrorCode.TTS_FAILED, "connection reset").withRetryable(true);
    assertThat(retryable.retryable()).isTrue();
    assertThat(retryable.code()).isEqualTo(ErrorCode.TTS_FAILED);
    assertThat(ReelForgeException.notFound("Session", "story-1").getMessage())
        .isEqualTo("Session not found: story-1");
  }
}

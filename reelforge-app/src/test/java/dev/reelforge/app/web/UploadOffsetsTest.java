package dev.reelforge.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class UploadOffsetsTest {

  @Test
  void theOffsetIsToldAsUploadOffsetAndAsTheRangeReceived() {
    HttpHeaders some = UploadOffsets.headers(1_048_576);
    assertThat(some.getFirst("Upload-Offset")).isEqualTo("1048576");
    assertThat(some.getFirst(HttpHeaders.RANGE)).isEqualTo("bytes=0-1048575");
    assertThat(some.getCacheControl()).isEqualTo("no-store");

    HttpHeaders none = UploadOffsets.headers(0);
    assertThat(none.getFirst("Upload-Offset")).isEqualTo("0");
    assertThat(none.containsHeader(HttpHeaders.RANGE)).as("no byte yet: no range").isFalse();
  }
}

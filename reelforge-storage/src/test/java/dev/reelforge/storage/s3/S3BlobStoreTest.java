package dev.reelforge.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.storage.BlobStore;
import dev.reelforge.core.storage.SignedUpload;
import dev.reelforge.testkit.storage.BlobStoreContract;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class S3BlobStoreTest extends BlobStoreContract {

  private static EmbeddedS3 server;
  private static S3BlobStore store;

  @BeforeAll
  static void startServer() {
    server = EmbeddedS3.start();
    store = new S3BlobStore(server.settings());
  }

  @AfterAll
  static void stopServer() {
    store.close();
    server.close();
  }

  @Override
  protected BlobStore store() {
    return store;
  }

  @Test
  void aSignedUploadUrlSignsTheContentTypeAndStopsWorkingWhenItExpires() throws Exception {
    String key = "signed-upload/" + System.nanoTime() + ".mp4";
    SignedUpload signed = store.signedUpload(key, "video/mp4", Duration.ofSeconds(1)).orElseThrow();
    assertThat(signed.url().getQuery())
        .contains("X-Amz-Algorithm=AWS4-HMAC-SHA256")
        .contains("X-Amz-Expires=1")
        .contains("X-Amz-SignedHeaders=content-type;host");
    assertThat(signed.headers()).containsEntry("content-type", "video/mp4").hasSize(1);
    assertThat(signed.maxBytes()).isEqualTo(SignedUpload.S3_MAX_PUT_BYTES);
    Path file = file("up.mp4", 1_000);

    SignedUpload otherType =
        new SignedUpload(
            signed.url(),
            "PUT",
            java.util.Map.of("content-type", "text/html"),
            signed.expiresAt(),
            signed.maxBytes());
    assertThat(upload(otherType, signed.url(), file)).as("another content type").isEqualTo(403);

    Thread.sleep(2_100);
    assertThat(upload(signed, signed.url(), file)).as("expired").isEqualTo(403);
    assertThat(store.head(key)).isEmpty();
  }

  @Test
  void anUnreachableServerIsARetryableUnavailableError() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    S3Settings s = server.settings();
    try (S3BlobStore down =
        new S3BlobStore(
            new S3Settings(
                URI.create("http://127.0.0.1:" + closedPort),
                s.region(),
                s.bucket(),
                s.accessKey(),
                s.secretKey(),
                true,
                s.multipartThreshold(),
                s.partSize(),
                Duration.ofSeconds(5)))) {
      assertThatThrownBy(() -> down.put("k.txt", text("k.txt", "k"), "text/plain"))
          .isInstanceOfSatisfying(
              ReelForgeException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
                assertThat(e.code().retryable()).isTrue();
                assertThat(e.getMessage()).contains("unreachable").contains("127.0.0.1");
              });
    }
  }

  @Test
  void wrongCredentialsAndAMissingBucketArePermanentErrorsThatSayWhatToFix() throws Exception {
    S3Settings s = server.settings();
    try (S3BlobStore wrongKey =
            new S3BlobStore(
                new S3Settings(
                    s.endpoint(),
                    s.region(),
                    s.bucket(),
                    s.accessKey(),
                    "not-the-secret",
                    true,
                    s.multipartThreshold(),
                    s.partSize(),
                    s.timeout()));
        S3BlobStore noBucket =
            new S3BlobStore(
                new S3Settings(
                    s.endpoint(),
                    s.region(),
                    "no-such-bucket",
                    s.accessKey(),
                    s.secretKey(),
                    true,
                    s.multipartThreshold(),
                    s.partSize(),
                    s.timeout()))) {
      assertThatThrownBy(() -> wrongKey.put("k.txt", text("k1.txt", "k"), "text/plain"))
          .hasMessageContaining("refused the credentials");
      assertThatThrownBy(() -> noBucket.put("k.txt", text("k2.txt", "k"), "text/plain"))
          .hasMessageContaining("'no-such-bucket' does not exist");
    }
  }
}

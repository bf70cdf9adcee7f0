package dev.reelforge.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.storage.BlobStore;
import dev.reelforge.testkit.storage.BlobStoreContract;
import java.net.ServerSocket;
import java.net.URI;
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

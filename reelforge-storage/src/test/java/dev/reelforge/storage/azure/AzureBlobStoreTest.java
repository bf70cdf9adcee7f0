package dev.reelforge.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reelforge.core.storage.BlobStore;
import dev.reelforge.core.storage.SignedUpload;
import dev.reelforge.testkit.MutableClock;
import dev.reelforge.testkit.storage.BlobStoreContract;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract against Azurite; skipped with a message where {@code azurite-blob} is absent. */
class AzureBlobStoreTest extends BlobStoreContract {

  private static Azurite azurite;
  private static AzureBlobStore store;

  @BeforeAll
  static void startEmulator() throws Exception {
    assumeTrue(
        Azurite.executable().isPresent(),
        "azurite-blob is not on the PATH (npm install -g azurite@3.35.0): Azure tests skipped");
    azurite = Azurite.start();
    store =
        new AzureBlobStore(
            azurite.connectionString(),
            Azurite.CONTAINER,
            Duration.ofSeconds(30),
            Clock.systemUTC());
  }

  @AfterAll
  static void stopEmulator() throws Exception {
    if (azurite != null) {
      azurite.close();
    }
  }

  @Override
  protected BlobStore store() {
    return store;
  }

  @Test
  void aSignedUploadUrlIsACreateAndWriteSasThatStopsWorkingWhenItExpires() throws Exception {
    MutableClock clock = new MutableClock(Instant.now().minus(Duration.ofHours(2)));
    AzureBlobStore signer =
        new AzureBlobStore(
            azurite.connectionString(), Azurite.CONTAINER, Duration.ofSeconds(30), clock);
    String key = "signed-upload/" + System.nanoTime() + ".mp4";
    SignedUpload expired = signer.signedUpload(key, "video/mp4", Duration.ofHours(1)).orElseThrow();
    String query = expired.url().getRawQuery();
    assertThat(query).contains("sp=cw").contains("sr=b").contains("sig=");
    assertThat(expired.headers())
        .containsEntry("x-ms-blob-type", "BlockBlob")
        .containsEntry("Content-Type", "video/mp4");
    assertThat(expired.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));

    java.nio.file.Path file = file("up.mp4", 1_000);
    assertThat(upload(expired, expired.url(), file)).as("expired an hour ago").isEqualTo(403);
    assertThat(store.head(key)).isEmpty();

    clock.advance(Duration.ofHours(2));
    SignedUpload fresh = signer.signedUpload(key, "video/mp4", Duration.ofHours(1)).orElseThrow();
    assertThat(upload(fresh, fresh.url(), file)).isEqualTo(201);
    assertThat(store.head(key).orElseThrow().size()).isEqualTo(1_000);
  }

  @Test
  void aMissingContainerIsAPermanentErrorThatNamesIt() throws Exception {
    AzureBlobStore missing =
        new AzureBlobStore(
            azurite.connectionString(),
            "no-such-container",
            Duration.ofSeconds(10),
            Clock.systemUTC());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> missing.put("k.txt", text("k.txt", "k"), "text/plain"))
        .hasMessageContaining("'no-such-container' does not exist");
  }
}

package dev.reelforge.storage.azure;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reelforge.core.storage.BlobStore;
import dev.reelforge.testkit.storage.BlobStoreContract;
import java.time.Clock;
import java.time.Duration;
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

package dev.reelforge.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.brand.BrandKeys;
import dev.reelforge.core.storage.BlobCatalog;
import dev.reelforge.core.storage.RetentionClass;
import dev.reelforge.mediagen.MediaKeys;
import dev.reelforge.postgres.storage.PostgresBlobRegistry;
import dev.reelforge.postgres.testing.PostgresTest;
import dev.reelforge.postgres.testing.TestDatabase;
import dev.reelforge.storage.s3.EmbeddedS3;
import dev.reelforge.storage.s3.S3BlobStore;
import dev.reelforge.testkit.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasing a user deletes the files it owns outside its sessions, in the real registry and store:
 * generated media and brand files, and nobody else's.
 */
@PostgresTest
class AccountEraserBlobsTest {

  private static EmbeddedS3 server;
  private static S3BlobStore store;

  private final BlobCatalog catalog;

  @TempDir Path dir;

  AccountEraserBlobsTest(TestDatabase database) {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
    catalog =
        new BlobCatalog(
            store, new PostgresBlobRegistry(database.dataSource(), clock), Map.of(), clock);
  }

  @BeforeAll
  static void startS3() {
    server = EmbeddedS3.start();
    store = new S3BlobStore(server.settings());
  }

  @AfterAll
  static void stopS3() {
    store.close();
    server.close();
  }

  @Test
  void aUsersGeneratedMediaAndBrandFilesGoAndAnotherUsersStay() throws Exception {
    UUID user = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    String media = MediaKeys.image(user, UUID.randomUUID());
    String upload = BrandKeys.upload(user, UUID.randomUUID(), "png");
    String othersUpload = BrandKeys.upload(other, UUID.randomUUID(), "png");
    for (String key : new String[] {media, upload, othersUpload}) {
      Path file = Files.writeString(dir.resolve(UUID.randomUUID() + ".png"), key);
      catalog.put(key, file, "image/png", RetentionClass.SHORT);
    }

    int deleted = AccountEraser.deletingOwnedBlobs(catalog).applyAsInt(user);

    assertThat(deleted).isEqualTo(2);
    assertThat(catalog.find(media)).isEmpty();
    assertThat(catalog.find(upload)).isEmpty();
    assertThat(catalog.find(othersUpload)).isPresent();
  }
}

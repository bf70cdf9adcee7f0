package dev.reelforge.app.storage;

import dev.reelforge.app.cluster.UpkeepTask;
import dev.reelforge.app.config.StorageSettings;
import dev.reelforge.core.storage.BlobCatalog;
import dev.reelforge.core.storage.BlobRegistry;
import dev.reelforge.core.storage.BlobStore;
import dev.reelforge.core.storage.FolderSync;
import dev.reelforge.core.storage.RetentionClass;
import dev.reelforge.core.storage.UrlSignature;
import dev.reelforge.postgres.accounts.PostgresServerSecrets;
import dev.reelforge.postgres.storage.PostgresBlobRegistry;
import dev.reelforge.storage.azure.AzureBlobStore;
import dev.reelforge.storage.local.LocalBlobStore;
import dev.reelforge.storage.s3.S3BlobStore;
import dev.reelforge.storage.s3.S3Settings;
import dev.reelforge.story.SessionFolders;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the configured blob store and what stands on it. */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

  /** The store named by {@code reelforge.storage.type}; settings were checked at startup. */
  @Bean
  BlobStore blobStore(StorageSettings settings, DataSource dataSource, Clock clock) {
    return switch (settings.getType()) {
      case LOCAL -> {
        byte[] key =
            new PostgresServerSecrets(dataSource, clock)
                .getOrCreate("blob-url-key", StorageConfiguration::newUrlKey);
        yield new LocalBlobStore(
            settings.getLocalRoot(), new UrlSignature(key), settings.getPublicUrl(), clock);
      }
      case S3 -> new S3BlobStore(s3(settings.getS3()));
      case AZURE ->
          new AzureBlobStore(
              settings.getAzure().getConnectionString(),
              settings.getAzure().getContainer(),
              settings.getAzure().getTimeout(),
              clock);
    };
  }

  /** 256 random bits, made once per installation and kept in the database. */
  private static byte[] newUrlKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  private static S3Settings s3(StorageSettings.S3 s3) {
    return new S3Settings(
        s3.getEndpoint().isBlank() ? null : URI.create(s3.getEndpoint()),
        s3.getRegion(),
        s3.getBucket(),
        s3.getAccessKey().isBlank() ? null : s3.getAccessKey(),
        s3.getSecretKey().isBlank() ? null : s3.getSecretKey(),
        s3.isPathStyle(),
        s3.getMultipartThreshold().toBytes(),
        s3.getPartSize().toBytes(),
        s3.getTimeout());
  }

  @Bean
  BlobRegistry blobRegistry(DataSource dataSource, Clock clock) {
    return new PostgresBlobRegistry(dataSource, clock);
  }

  @Bean
  BlobCatalog blobCatalog(
      BlobStore store, BlobRegistry registry, StorageSettings settings, Clock clock) {
    StorageSettings.Retention retention = settings.getRetention();
    return new BlobCatalog(
        store,
        registry,
        Map.of(
            RetentionClass.SHORT, retention.getShortWindow(),
            RetentionClass.STANDARD, retention.getStandardWindow(),
            RetentionClass.LONG, retention.getLongWindow()),
        clock);
  }

  /** Removes expired objects (retention classes) in batches, on the scheduler role. */
  @Bean
  UpkeepTask blobRetention(BlobCatalog catalog, StorageSettings settings) {
    return new UpkeepTask(
        "blob-retention",
        Duration.ofMinutes(2),
        settings.getCleanupInterval(),
        () -> {
          int removed = 0;
          for (int batch; (batch = catalog.removeExpired(500)) > 0; ) {
            removed += batch;
          }
          return removed;
        });
  }

  /** Every machine drops its idle working copies (with S3 or Azure), checked every hour. */
  @Bean
  UpkeepTask workCachePrune(SessionFolders folders, StorageSettings settings, Clock clock) {
    return new UpkeepTask(
        "work-cache-prune",
        Duration.ofMinutes(5),
        Duration.ofHours(1),
        () -> folders.pruneIdleCopies(clock.instant().minus(settings.getWorkCacheTtl())),
        true);
  }

  @Bean
  SessionFolders sessionFolders(BlobCatalog catalog, StorageSettings settings) {
    return new SessionFolders(
        new FolderSync(catalog),
        catalog,
        settings.getWorkRoot(),
        RetentionClass.byId(settings.getRetention().getExports()),
        RetentionClass.byId(settings.getRetention().getWork()));
  }
}

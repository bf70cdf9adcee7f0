package dev.reelforge.app.clips.uploads;

import dev.reelforge.app.cluster.UpkeepTask;
import dev.reelforge.core.clips.ClipStore;
import dev.reelforge.core.clips.uploads.ChunkedUploads;
import dev.reelforge.core.storage.BlobStore;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Chunked uploads over the clip store. The {@link ChunkedUploads} bean is lazy, made when a route
 * first needs it, and the upkeep asks for the store each time: both work in builds where the clip
 * store is assembled elsewhere (and do nothing until it is).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UploadSettings.class)
public class UploadsConfiguration {

  /** Expired uploads removed per upkeep run. */
  static final int CLEANUP_BATCH = 500;

  @Bean
  @Lazy
  ChunkedUploads chunkedUploads(ClipStore store, UploadSettings settings, Clock clock) {
    return new ChunkedUploads(store, settings.getStagingDir(), settings.limits(), clock);
  }

  /**
   * Removes expired uploads (with their signed-upload objects) and orphaned partial files. Every
   * process runs it: the partial files are on the disk of the process that received them (or a
   * volume they share), and removing an upload twice is harmless.
   */
  @Bean
  UpkeepTask expiredUploadsUpkeep(
      ObjectProvider<ClipStore> stores, BlobStore blobs, UploadSettings settings, Clock clock) {
    return new UpkeepTask(
        "expired-uploads",
        Duration.ofMinutes(1),
        settings.getCleanupInterval(),
        () -> {
          ClipStore store = stores.getIfAvailable();
          if (store == null) {
            return 0;
          }
          ChunkedUploads uploads =
              new ChunkedUploads(store, settings.getStagingDir(), settings.limits(), clock);
          return ExpiredUploads.remove(uploads, blobs, CLEANUP_BATCH, settings.getOrphanGrace());
        },
        true);
  }
}

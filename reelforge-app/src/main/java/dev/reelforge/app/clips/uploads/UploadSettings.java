package dev.reelforge.app.clips.uploads;

import dev.reelforge.app.settings.CheckedTogether;
import dev.reelforge.app.settings.InvalidSettingException;
import dev.reelforge.core.clips.uploads.UploadLimits;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Resumable uploads of long videos ({@code reelforge.uploads.*}): where chunks are gathered, how
 * large a file and a chunk may be, how long an unfinished upload is kept, and how long a signed
 * upload URL of the object store stays valid. See docs/operations.md#uploads.
 */
@ConfigurationProperties("reelforge.uploads")
@Validated
public class UploadSettings implements CheckedTogether {

  /**
   * The folder where partial uploads are gathered (default data/uploads). Every process with the
   * api role that may receive chunks of one upload must see the same folder (a shared volume), or
   * the load balancer must keep an upload's requests on one process.
   */
  @NotNull private Path stagingDir = Path.of("data", "uploads");

  /** The largest file an upload may announce (default 20GB). */
  @NotNull private DataSize maxSize = DataSize.ofBytes(UploadLimits.DEFAULT_MAX_BYTES);

  /** The largest chunk one request may carry (default 64MB). */
  @NotNull private DataSize maxChunkSize = DataSize.ofBytes(UploadLimits.DEFAULT_MAX_CHUNK_BYTES);

  /** How long after it began an unfinished upload is thrown away (default 24h). */
  @NotNull private Duration expiry = UploadLimits.DEFAULT_EXPIRY;

  /** How often the upkeep removes expired uploads and orphaned partial files (default 10m). */
  @NotNull private Duration cleanupInterval = Duration.ofMinutes(10);

  /**
   * How long a partial file whose upload is gone (removed by another process) is left before it is
   * deleted (default 1h).
   */
  @NotNull private Duration orphanGrace = Duration.ofHours(1);

  /**
   * How long a signed upload URL of the object store (S3 presigned PUT, Azure SAS) stays valid
   * (default 1h), and never past the upload's expiry. Stores check it when the upload starts, not
   * when it ends.
   */
  @NotNull private Duration signedUrlTtl = Duration.ofHours(1);

  @Override
  public void checkTogether() {
    if (maxSize.toBytes() <= 0) {
      throw InvalidSettingException.of("reelforge.uploads.max-size", maxSize, "must be positive");
    }
    if (maxChunkSize.toBytes() <= 0) {
      throw InvalidSettingException.of(
          "reelforge.uploads.max-chunk-size", maxChunkSize, "must be positive");
    }
    for (var duration :
        java.util.Map.of(
                "reelforge.uploads.expiry", expiry,
                "reelforge.uploads.cleanup-interval", cleanupInterval,
                "reelforge.uploads.signed-url-ttl", signedUrlTtl)
            .entrySet()) {
      if (duration.getValue().isNegative() || duration.getValue().isZero()) {
        throw InvalidSettingException.of(
            duration.getKey(), duration.getValue(), "must be positive");
      }
    }
  }

  /** The limits as core's record. */
  public UploadLimits limits() {
    return new UploadLimits(maxSize.toBytes(), maxChunkSize.toBytes(), expiry);
  }

  public Path getStagingDir() {
    return stagingDir;
  }

  public void setStagingDir(Path stagingDir) {
    this.stagingDir = stagingDir;
  }

  public DataSize getMaxSize() {
    return maxSize;
  }

  public void setMaxSize(DataSize maxSize) {
    this.maxSize = maxSize;
  }

  public DataSize getMaxChunkSize() {
    return maxChunkSize;
  }

  public void setMaxChunkSize(DataSize maxChunkSize) {
    this.maxChunkSize = maxChunkSize;
  }

  public Duration getExpiry() {
    return expiry;
  }

  public void setExpiry(Duration expiry) {
    this.expiry = expiry;
  }

  public Duration getCleanupInterval() {
    return cleanupInterval;
  }

  public void setCleanupInterval(Duration cleanupInterval) {
    this.cleanupInterval = cleanupInterval;
  }

  public Duration getOrphanGrace() {
    return orphanGrace;
  }

  public void setOrphanGrace(Duration orphanGrace) {
    this.orphanGrace = orphanGrace;
  }

  public Duration getSignedUrlTtl() {
    return signedUrlTtl;
  }

  public void setSignedUrlTtl(Duration signedUrlTtl) {
    this.signedUrlTtl = signedUrlTtl;
  }
}

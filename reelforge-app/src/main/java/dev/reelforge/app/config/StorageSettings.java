package dev.reelforge.app.config;

import dev.reelforge.app.settings.CheckedTogether;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where videos, thumbnails, captions, manifests and the pipeline's intermediate files are stored
 * ({@code reelforge.storage.*}): a local folder (default), an S3-compatible bucket or an Azure Blob
 * container. See docs/operations.md#storage.
 */
@ConfigurationProperties("reelforge.storage")
@Validated
public class StorageSettings implements CheckedTogether {

  public static final String DEFAULT_LOCAL_ROOT = "./data/blobs";
  public static final String DEFAULT_WORK_ROOT = "./data/work";

  /** The store: local (a folder every process can reach), s3 or azure. */
  @NotNull private Type type = Type.LOCAL;

  /**
   * Folder of the local store; with type local the pipeline works in it directly. Unset, the blobs
   * folder of reelforge.data-dir.
   */
  @NotNull private Path localRoot = Path.of(DEFAULT_LOCAL_ROOT);

  /**
   * This machine's working copy of the sessions it works on, when the store is remote (s3, azure):
   * a cache that may be deleted while the process is stopped. Unset, the work folder of
   * reelforge.data-dir.
   */
  @NotNull private Path workRoot = Path.of(DEFAULT_WORK_ROOT);

  /**
   * How long a machine keeps its working copy of a session after the last stage it ran for it
   * (remote stores); the copy is a cache that is pulled again when needed.
   */
  @NotNull private Duration workCacheTtl = Duration.ofHours(24);

  /**
   * The external base URL of this service (https://videos.example.com) for the local store's signed
   * download links; empty: links relative to the host that was asked.
   */
  @NotNull private String publicUrl = "";

  /** How long a signed download URL works (seed 004: 1 hour). */
  @NotNull private Duration signedUrlTtl = Duration.ofHours(1);

  /** How often the scheduler removes expired objects. */
  @NotNull private Duration cleanupInterval = Duration.ofHours(1);

  @Valid private final Retention retention = new Retention();

  @Valid private final S3 s3 = new S3();

  @Valid private final Azure azure = new Azure();

  /** The supported stores. */
  public enum Type {
    LOCAL,
    S3,
    AZURE
  }

  /** Retention windows (seed 002: 30/90/180 days) and which files get which. */
  public static class Retention {
    /** The short window. */
    @NotNull private Duration shortWindow = Duration.ofDays(30);

    /** The standard window. */
    @NotNull private Duration standardWindow = Duration.ofDays(90);

    /** The long window. */
    @NotNull private Duration longWindow = Duration.ofDays(180);

    /** The class of a session's exports (videos, thumbnails, captions, manifest). */
    @NotBlank private String exports = "standard";

    /**
     * The class of a session's intermediate files (its .work folder), counted from its last run.
     */
    @NotBlank private String work = "short";

    public Duration getShortWindow() {
      return shortWindow;
    }

    public void setShortWindow(Duration shortWindow) {
      this.shortWindow = shortWindow;
    }

    public Duration getStandardWindow() {
      return standardWindow;
    }

    public void setStandardWindow(Duration standardWindow) {
      this.standardWindow = standardWindow;
    }

    public Duration getLongWindow() {
      return longWindow;
    }

    public void setLongWindow(Duration longWindow) {
      this.longWindow = longWindow;
    }

    public String getExports() {
      return exports;
    }

    public void setExports(String exports) {
      this.exports = exports;
    }

    public String getWork() {
      return work;
    }

    public void setWork(String work) {
      this.work = work;
    }
  }

  /** An S3-compatible bucket (AWS S3, MinIO, R2, B2, Ceph). */
  public static class S3 {
    /** The service URL; empty for AWS's endpoint of the region. */
    @NotNull private String endpoint = "";

    /** The signing region. */
    @NotBlank private String region = "us-east-1";

    /** The bucket (create it first; see deploy/README.md). */
    @NotNull private String bucket = "";

    /** The access key id; empty for the SDK's default chain (instance profile, environment). */
    @NotNull private String accessKey = "";

    /** Its secret (from the environment or a mounted file, never a committed file). */
    @NotNull private String secretKey = "";

    /** Address the bucket as endpoint/bucket/key (MinIO and most self-hosted servers). */
    private boolean pathStyle = false;

    /** Files at least this long are uploaded in parts. */
    @NotNull private DataSize multipartThreshold = DataSize.ofMegabytes(16);

    /** The size of each part (at least 5 MB). */
    @NotNull private DataSize partSize = DataSize.ofMegabytes(8);

    /** The longest one call may take. */
    @NotNull private Duration timeout = Duration.ofSeconds(60);

    public String getEndpoint() {
      return endpoint;
    }

    public void setEndpoint(String endpoint) {
      this.endpoint = endpoint;
    }

    public String getRegion() {
      return region;
    }

    public void setRegion(String region) {
      this.region = region;
    }

    public String getBucket() {
      return bucket;
    }

    public void setBucket(String bucket) {
      this.bucket = bucket;
    }

    public String getAccessKey() {
      return accessKey;
    }

    public void setAccessKey(String accessKey) {
      this.accessKey = accessKey;
    }

    public String getSecretKey() {
      return secretKey;
    }

    public void setSecretKey(String secretKey) {
      this.secretKey = secretKey;
    }

    public boolean isPathStyle() {
      return pathStyle;
    }

    public void setPathStyle(boolean pathStyle) {
      this.pathStyle = pathStyle;
    }

    public DataSize getMultipartThreshold() {
      return multipartThreshold;
    }

    public void setMultipartThreshold(DataSize multipartThreshold) {
      this.multipartThreshold = multipartThreshold;
    }

    public DataSize getPartSize() {
      return partSize;
    }

    public void setPartSize(DataSize partSize) {
      this.partSize = partSize;
    }

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }

  /** An Azure Blob Storage container. */
  public static class Azure {
    /** The storage account's connection string, with its account key (it signs SAS URLs). */
    @NotNull private String connectionString = "";

    /** The container (create it first). */
    @NotNull private String container = "";

    /** The longest one call may take. */
    @NotNull private Duration timeout = Duration.ofSeconds(60);

    public String getConnectionString() {
      return connectionString;
    }

    public void setConnectionString(String connectionString) {
      this.connectionString = connectionString;
    }

    public String getContainer() {
      return container;
    }

    public void setContainer(String container) {
      this.container = container;
    }

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }

  public Type getType() {
    return type;
  }

  public void setType(Type type) {
    this.type = type;
  }

  public Path getLocalRoot() {
    return localRoot;
  }

  public void setLocalRoot(Path localRoot) {
    this.localRoot = localRoot;
  }

  public Path getWorkRoot() {
    return workRoot;
  }

  public void setWorkRoot(Path workRoot) {
    this.workRoot = workRoot;
  }

  public Duration getWorkCacheTtl() {
    return workCacheTtl;
  }

  public void setWorkCacheTtl(Duration workCacheTtl) {
    this.workCacheTtl = workCacheTtl;
  }

  public String getPublicUrl() {
    return publicUrl;
  }

  public void setPublicUrl(String publicUrl) {
    this.publicUrl = publicUrl;
  }

  public Duration getSignedUrlTtl() {
    return signedUrlTtl;
  }

  public void setSignedUrlTtl(Duration signedUrlTtl) {
    this.signedUrlTtl = signedUrlTtl;
  }

  public Duration getCleanupInterval() {
    return cleanupInterval;
  }

  public void setCleanupInterval(Duration cleanupInterval) {
    this.cleanupInterval = cleanupInterval;
  }

  public Retention getRetention() {
    return retention;
  }

  public S3 getS3() {
    return s3;
  }

  public Azure getAzure() {
    return azure;
  }

  /** The store's credentials, limits and retention classes, see {@link StorageChecks}. */
  @Override
  public void checkTogether() {
    StorageChecks.check(this);
  }
}

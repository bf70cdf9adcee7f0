package dev.reelforge.storage.s3;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, Backblaze B2, Ceph).
 *
 * @param endpoint the service URL, or null for AWS's own endpoint of the region
 * @param region the signing region
 * @param bucket the bucket (created by the operator, not by us)
 * @param accessKey the access key id, or null for the SDK's default credential chain (instance
 *     profile, web identity, environment)
 * @param secretKey its secret, or null with it
 * @param pathStyle whether to address the bucket as {@code endpoint/bucket/key} (MinIO and most
 *     self-hosted servers) instead of {@code bucket.endpoint/key}
 * @param multipartThreshold files at least this long are uploaded in parts
 * @param partSize the size of each part (S3 needs at least 5 MiB)
 * @param timeout the longest one call may take, retries included
 */
public record S3Settings(
    URI endpoint,
    String region,
    String bucket,
    String accessKey,
    String secretKey,
    boolean pathStyle,
    long multipartThreshold,
    long partSize,
    Duration timeout) {

  public static final long MIN_PART_SIZE = 5L * 1024 * 1024;

  public S3Settings {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("an S3 bucket is required");
    }
    if (partSize < MIN_PART_SIZE) {
      throw new IllegalArgumentException("S3 parts are at least 5 MiB");
    }
  }
}

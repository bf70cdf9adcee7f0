package dev.reelforge.app.config;

import dev.reelforge.app.settings.InvalidSettingException;
import dev.reelforge.core.storage.RetentionClass;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The storage settings that depend on each other, checked at startup. */
final class StorageChecks {

  /** S3 presigned URLs cannot outlive seven days; Azure SAS and our own links follow the same. */
  private static final Duration LONGEST_SIGNED_URL = Duration.ofDays(7);

  private static final long MIN_PART_BYTES = 5L * 1024 * 1024;

  private StorageChecks() {}

  static void check(StorageSettings storage) {
    Duration ttl = storage.getSignedUrlTtl();
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(LONGEST_SIGNED_URL) > 0) {
      fail("reelforge.storage.signed-url-ttl", ttl, "must be between 1s and 7d");
    }
    retentionClass("reelforge.storage.retention.exports", storage.getRetention().getExports());
    retentionClass("reelforge.storage.retention.work", storage.getRetention().getWork());
    switch (storage.getType()) {
      case S3 -> checkS3(storage.getS3());
      case AZURE -> checkAzure(storage.getAzure());
      case LOCAL -> {}
    }
  }

  private static void checkS3(StorageSettings.S3 s3) {
    if (s3.getBucket().isBlank()) {
      fail("reelforge.storage.s3.bucket", "", "is required when reelforge.storage.type is s3");
    }
    if (!s3.getEndpoint().isBlank()) {
      try {
        URI endpoint = URI.create(s3.getEndpoint());
        if (endpoint.getHost() == null
            || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
          throw new IllegalArgumentException("not an http(s) URL");
        }
      } catch (IllegalArgumentException e) {
        fail("reelforge.storage.s3.endpoint", s3.getEndpoint(), "must be an http(s) URL");
      }
    }
    if (s3.getAccessKey().isBlank() != s3.getSecretKey().isBlank()) {
      fail(
          "reelforge.storage.s3.secret-key",
          "",
          "access-key and secret-key are given together (or both left empty for the default chain)");
    }
    if (s3.getPartSize().toBytes() < MIN_PART_BYTES) {
      fail("reelforge.storage.s3.part-size", s3.getPartSize(), "must be at least 5MB");
    }
  }

  private static void checkAzure(StorageSettings.Azure azure) {
    if (azure.getConnectionString().isBlank()) {
      fail(
          "reelforge.storage.azure.connection-string",
          "",
          "is required when reelforge.storage.type is azure");
    }
    if (!azure.getConnectionString().isBlank()
        && !azure.getConnectionString().contains("AccountKey=")) {
      fail(
          "reelforge.storage.azure.connection-string",
          "",
          "needs the account key (AccountKey=…): it signs the download links (SAS)");
    }
    if (azure.getContainer().isBlank()) {
      fail(
          "reelforge.storage.azure.container",
          "",
          "is required when reelforge.storage.type is azure");
    }
  }

  private static void retentionClass(String property, String value) {
    try {
      RetentionClass.byId(value);
    } catch (IllegalArgumentException e) {
      fail(
          property,
          value,
          "must be one of "
              + Arrays.stream(RetentionClass.values())
                  .map(RetentionClass::id)
                  .collect(Collectors.joining(", ")));
    }
  }

  private static void fail(String property, Object value, String why) {
    throw InvalidSettingException.of(property, value, why);
  }
}

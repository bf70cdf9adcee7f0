package dev.reelforge.core.storage;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where rendered videos, thumbnails, captions, manifests and the pipeline's intermediate files are
 * kept: a local folder, an S3-compatible bucket or an Azure Blob container. Every implementation
 * passes one contract test ({@code BlobStoreContract} in the testkit).
 *
 * <p>Keys are {@code /}-separated paths checked by {@link BlobKeys#check}. Unreachable storage is a
 * retryable {@code SERVICE_UNAVAILABLE}; a missing key is {@code RESOURCE_NOT_FOUND}.
 */
public interface BlobStore {

  /** The implementation's short name: {@code local}, {@code s3} or {@code azure}. */
  String name();

  /**
   * Stores a file under a key, replacing what was there, and records its SHA-256 with it. The
   * object appears whole or not at all.
   *
   * @param sha256 the file's SHA-256 (hex), already known to the caller (the checksum registry
   *     computes it once per file)
   */
  BlobInfo put(String key, Path source, String sha256, String contentType);

  /** As {@link #put(String, Path, String, String)}, computing the checksum. */
  default BlobInfo put(String key, Path source, String contentType) {
    return put(key, source, Sha256.of(source), contentType);
  }

  /** Writes the object to {@code target} (created whole, through a temporary file and a rename). */
  void get(String key, Path target);

  /** The object's size and checksum, or empty when the key holds nothing. */
  Optional<BlobInfo> head(String key);

  /** Every object whose key starts with {@code prefix}, in key order. */
  List<BlobInfo> list(String prefix);

  /** Deletes the object; deleting a missing key is not an error. */
  void delete(String key);

  /**
   * A URL that lets anyone holding it download the object until {@code ttl} has passed, without any
   * other credential: a presigned S3 URL, an Azure SAS URL or an HMAC-signed URL that the app
   * itself serves.
   */
  URI signedUrl(String key, Duration ttl);

  /**
   * A URL through which a client may upload the object under {@code key} directly, until {@code
   * ttl} has passed: a presigned S3 PUT or an Azure SAS write URL. Empty for stores that cannot
   * sign one (the local folder: its clients upload through the app's chunked upload instead).
   *
   * @param contentType the type the object will be stored with; part of the signature where the
   *     store signs it, so the client must send the same {@code Content-Type}
   */
  default Optional<SignedUpload> signedUpload(String key, String contentType, Duration ttl) {
    BlobKeys.check(key);
    return Optional.empty();
  }

  /**
   * Where the object lives on this machine's file system, when the store is a local folder: the
   * pipeline then works in place instead of copying. Empty for remote stores.
   */
  default Optional<Path> localPath(String key) {
    return Optional.empty();
  }
}

package dev.reelforge.core.storage;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A URL through which a client uploads one object straight to the object store, without any other
 * credential, until it expires: a presigned S3 {@code PUT} or an Azure SAS with create and write
 * permission. The client sends the file's bytes as the body of one request with {@link #method} and
 * every header of {@link #headers} (they are part of what was signed).
 *
 * <p>The object arrives without the SHA-256 that {@link BlobStore#put} records: whoever asked for
 * the URL reads the object back (or its size with {@link BlobStore#head}) before trusting it.
 *
 * @param url where to send the bytes
 * @param method the HTTP method, {@code PUT}
 * @param headers headers the request must carry, exactly
 * @param expiresAt when the URL stops working
 * @param maxBytes the largest body one such request may carry (5 GiB on S3, 5000 MiB on Azure); a
 *     larger file goes through the app's chunked upload instead
 */
public record SignedUpload(
    URI url, String method, Map<String, String> headers, Instant expiresAt, long maxBytes) {

  /** The largest object one presigned S3 PUT may create. */
  public static final long S3_MAX_PUT_BYTES = 5L * 1024 * 1024 * 1024;

  /** The largest blob one Azure Put Blob request may create. */
  public static final long AZURE_MAX_PUT_BYTES = 5000L * 1024 * 1024;

  public SignedUpload {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(expiresAt, "expiresAt");
    headers = Map.copyOf(headers);
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
  }
}

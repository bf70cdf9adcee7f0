package dev.reelforge.storage.s3;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.storage.BlobInfo;
import dev.reelforge.core.storage.BlobKeys;
import dev.reelforge.core.storage.BlobStore;
import dev.reelforge.core.storage.SignedUpload;
import dev.reelforge.storage.internal.Files2;
import dev.reelforge.storage.internal.StoreErrors;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * An S3-compatible bucket through the AWS SDK v2: whole-object puts below the multipart threshold,
 * multipart uploads above it (aborted on failure, so no parts linger), the SHA-256 kept as the
 * object's {@code x-amz-meta-sha256}, and presigned GET and PUT URLs.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

  static final String SHA256 = "sha256";

  private final S3Settings settings;
  private final S3Client s3;
  private final S3Presigner presigner;

  public S3BlobStore(S3Settings settings) {
    this.settings = settings;
    AwsCredentialsProvider credentials =
        settings.accessKey() == null || settings.accessKey().isBlank()
            ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(
                AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
    S3Configuration service =
        S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build();
    var client =
        S3Client.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials)
            .serviceConfiguration(service)
            .httpClient(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(settings.timeout())
                    .build())
            .overrideConfiguration(o -> o.apiCallTimeout(settings.timeout()));
    var signer =
        S3Presigner.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials)
            .serviceConfiguration(service);
    if (settings.endpoint() != null) {
      client.endpointOverride(settings.endpoint());
      signer.endpointOverride(settings.endpoint());
    }
    this.s3 = client.build();
    this.presigner = signer.build();
  }

  @Override
  public String name() {
    return "s3";
  }

  @Override
  public BlobInfo put(String key, Path source, String sha256, String contentType) {
    BlobKeys.check(key);
    long size = Files2.size(source);
    Map<String, String> metadata = Map.of(SHA256, sha256);
    if (size < settings.multipartThreshold()) {
      call(
          "store " + key,
          () ->
              s3.putObject(
                  r ->
                      r.bucket(settings.bucket())
                          .key(key)
                          .contentType(contentType)
                          .metadata(metadata),
                  RequestBody.fromFile(source)));
    } else {
      putInParts(key, source, contentType, metadata);
    }
    return new BlobInfo(key, size, sha256);
  }

  private void putInParts(String key, Path source, String contentType, Map<String, String> meta) {
    String uploadId =
        call(
            "start the upload of " + key,
            () ->
                s3.createMultipartUpload(
                        r ->
                            r.bucket(settings.bucket())
                                .key(key)
                                .contentType(contentType)
                                .metadata(meta))
                    .uploadId());
    try (InputStream in = Files.newInputStream(source)) {
      List<CompletedPart> parts = new ArrayList<>();
      byte[] buffer = new byte[(int) settings.partSize()];
      for (int number = 1; ; number++) {
        int length = in.readNBytes(buffer, 0, buffer.length);
        if (length == 0) {
          break;
        }
        int part = number;
        RequestBody body = RequestBody.fromBytes(java.util.Arrays.copyOf(buffer, length));
        String etag =
            call(
                "upload part " + part + " of " + key,
                () ->
                    s3.uploadPart(
                            r ->
                                r.bucket(settings.bucket())
                                    .key(key)
                                    .uploadId(uploadId)
                                    .partNumber(part),
                            body)
                        .eTag());
        parts.add(CompletedPart.builder().partNumber(part).eTag(etag).build());
      }
      call(
          "complete the upload of " + key,
          () ->
              s3.completeMultipartUpload(
                  r ->
                      r.bucket(settings.bucket())
                          .key(key)
                          .uploadId(uploadId)
                          .multipartUpload(m -> m.parts(parts))));
    } catch (IOException | RuntimeException e) {
      abort(key, uploadId);
      if (e instanceof IOException io) {
        throw Files2.failure("cannot read " + source, io);
      }
      throw (RuntimeException) e;
    }
  }

  private void abort(String key, String uploadId) {
    try {
      s3.abortMultipartUpload(r -> r.bucket(settings.bucket()).key(key).uploadId(uploadId));
    } catch (SdkException ignored) {
      // The bucket's lifecycle rule for incomplete uploads (deploy/README.md) removes the rest.
    }
  }

  @Override
  public void get(String key, Path target) {
    BlobKeys.check(key);
    Files2.downloadAtomically(
        target,
        temp ->
            call(
                "read " + key,
                () ->
                    s3.getObject(
                        r -> r.bucket(settings.bucket()).key(key),
                        ResponseTransformer.toFile(temp))));
  }

  @Override
  public Optional<BlobInfo> head(String key) {
    BlobKeys.check(key);
    try {
      HeadObjectResponse head =
          call("look up " + key, () -> s3.headObject(r -> r.bucket(settings.bucket()).key(key)));
      return Optional.of(
          new BlobInfo(key, head.contentLength(), head.metadata().getOrDefault(SHA256, "")));
    } catch (ReelForgeException e) {
      if (e.code() == ErrorCode.RESOURCE_NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public List<BlobInfo> list(String prefix) {
    List<BlobInfo> found = new ArrayList<>();
    List<S3Object> objects =
        call(
            "list " + prefix,
            () ->
                s3
                    .listObjectsV2Paginator(r -> r.bucket(settings.bucket()).prefix(prefix))
                    .contents()
                    .stream()
                    .toList());
    // Listings carry no user metadata: each checksum is read with a HEAD.
    for (S3Object object : objects) {
      head(object.key()).ifPresent(found::add);
    }
    return found;
  }

  @Override
  public void delete(String key) {
    BlobKeys.check(key);
    call("delete " + key, () -> s3.deleteObject(r -> r.bucket(settings.bucket()).key(key)));
  }

  @Override
  public URI signedUrl(String key, Duration ttl) {
    BlobKeys.check(key);
    return call(
        "sign a URL for " + key,
        () -> {
          try {
            return presigner
                .presignGetObject(
                    r ->
                        r.signatureDuration(ttl)
                            .getObjectRequest(g -> g.bucket(settings.bucket()).key(key)))
                .url()
                .toURI();
          } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /**
   * A presigned PUT (signature v4 in the query string) for one object of up to {@link
   * SignedUpload#S3_MAX_PUT_BYTES}. The content type is signed, so the client must send the same
   * {@code Content-Type}; the host header, which every client sets by itself, is left out of the
   * headers it is told to send.
   */
  @Override
  public Optional<SignedUpload> signedUpload(String key, String contentType, Duration ttl) {
    BlobKeys.check(key);
    PresignedPutObjectRequest presigned =
        call(
            "sign an upload URL for " + key,
            () ->
                presigner.presignPutObject(
                    r ->
                        r.signatureDuration(ttl)
                            .putObjectRequest(
                                p ->
                                    p.bucket(settings.bucket())
                                        .key(key)
                                        .contentType(contentType))));
    Map<String, String> headers = new TreeMap<>();
    presigned
        .signedHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("host")) {
                headers.put(name, String.join(",", values));
              }
            });
    try {
      return Optional.of(
          new SignedUpload(
              presigned.url().toURI(),
              "PUT",
              headers,
              presigned.expiration(),
              SignedUpload.S3_MAX_PUT_BYTES));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs one S3 call, translating its failures: a missing key is a 404; a refused or timed-out
   * connection and 5xx/429 answers are retryable {@code SERVICE_UNAVAILABLE}; a refused credential
   * or a missing bucket is a permanent error that names what to fix.
   */
  private <T> T call(String what, Supplier<T> action) {
    try {
      return action.get();
    } catch (NoSuchKeyException e) {
      throw ReelForgeException.notFound("File", what);
    } catch (S3Exception e) {
      if (e.statusCode() == 404
          && e.awsErrorDetails() != null
          && "NoSuchBucket".equals(e.awsErrorDetails().errorCode())) {
        throw StoreErrors.missingContainer(what, "S3 bucket", settings.bucket(), e);
      }
      throw StoreErrors.of(
          "S3", what, e.statusCode(), "the credentials (check reelforge.storage.s3.*)", e);
    } catch (SdkClientException e) {
      throw new ReelForgeException(
          ErrorCode.SERVICE_UNAVAILABLE,
          "cannot " + what + ": S3 at " + endpoint() + " is unreachable (" + e.getMessage() + ")",
          e);
    }
  }

  private String endpoint() {
    return settings.endpoint() == null
        ? "region " + settings.region()
        : settings.endpoint().toString();
  }

  @Override
  public void close() {
    s3.close();
    presigner.close();
  }
}

package dev.reelforge.storage.s3;

import java.net.URI;
import java.time.Duration;
import org.gaul.s3proxy.junit.S3ProxyJunitCore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server in this JVM (s3proxy over a temporary folder), with one bucket. It speaks the S3
 * REST protocol, signature v4 and presigned URLs included, so the AWS SDK talks to it as to AWS.
 */
public final class EmbeddedS3 implements AutoCloseable {

  public static final String BUCKET = "reelforge-test";
  public static final String REGION = "us-east-1";

  private final S3ProxyJunitCore proxy;

  private EmbeddedS3(S3ProxyJunitCore proxy) {
    this.proxy = proxy;
  }

  public static EmbeddedS3 start() {
    S3ProxyJunitCore proxy =
        new S3ProxyJunitCore.Builder().withCredentials("access-key", "secret-key-secret").build();
    try {
      proxy.beforeEach();
    } catch (Exception e) {
      throw new IllegalStateException("s3proxy did not start", e);
    }
    EmbeddedS3 s3 = new EmbeddedS3(proxy);
    try (S3Client client = s3.client()) {
      client.createBucket(r -> r.bucket(BUCKET));
    }
    return s3;
  }

  public URI endpoint() {
    return proxy.getUri();
  }

  public String accessKey() {
    return proxy.getAccessKey();
  }

  public String secretKey() {
    return proxy.getSecretKey();
  }

  /** Settings for {@link S3BlobStore} against this server (path-style, 5 MiB parts). */
  public S3Settings settings() {
    return new S3Settings(
        endpoint(),
        REGION,
        BUCKET,
        accessKey(),
        secretKey(),
        true,
        S3Settings.MIN_PART_SIZE,
        S3Settings.MIN_PART_SIZE,
        Duration.ofSeconds(30));
  }

  private S3Client client() {
    return S3Client.builder()
        .endpointOverride(endpoint())
        .region(Region.of(REGION))
        .forcePathStyle(true)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey(), secretKey())))
        .build();
  }

  @Override
  public void close() {
    proxy.afterEach();
  }
}

package dev.reelforge.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.storage.BlobInfo;
import dev.reelforge.core.storage.BlobStore;
import dev.reelforge.core.storage.Sha256;
import dev.reelforge.core.storage.SignedUpload;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link BlobStore} promises, run against the local folder, S3 (s3proxy) and Azure
 * (Azurite). Each test uses its own key prefix, so implementations may share one bucket.
 */
public abstract class BlobStoreContract {

  @TempDir protected Path dir;

  private final String prefix = "contract/" + System.nanoTime() + "/";

  protected abstract BlobStore store();

  /** A length that the store uploads in several parts (its multipart threshold or more). */
  protected long multipartSize() {
    return 12L * 1024 * 1024 + 123;
  }

  /**
   * Downloads a signed URL as an anonymous client would; answers the HTTP status and body. Stores
   * whose URLs are served by the app itself override this.
   */
  protected Download fetch(URI url) throws Exception {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Download(response.statusCode(), response.body());
  }

  /** An HTTP answer. */
  public record Download(int status, byte[] body) {}

  @Test
  void aStoredFileComesBackByteForByteWithItsChecksum() throws Exception {
    Path source = file("clip.mp4", 300_000);
    BlobInfo stored = store().put(prefix + "video/clip.mp4", source, "video/mp4");
    assertThat(stored.size()).isEqualTo(300_000);
    assertThat(stored.sha256()).isEqualTo(Sha256.of(source));
    assertThat(store().head(prefix + "video/clip.mp4")).contains(stored);

    Path copy = dir.resolve("out/copy.mp4");
    store().get(prefix + "video/clip.mp4", copy);
    assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(source));
    try (var files = Files.list(copy.getParent())) {
      assertThat(files).as("no temporary file is left").hasSize(1);
    }
  }

  @Test
  void aSecondPutReplacesTheObject() throws Exception {
    store().put(prefix + "a.txt", text("a1.txt", "first"), "text/plain");
    Path second = text("a2.txt", "the second version");
    BlobInfo replaced = store().put(prefix + "a.txt", second, "text/plain");
    assertThat(replaced.sha256()).isEqualTo(Sha256.of(second));
    Path copy = dir.resolve("a.out");
    store().get(prefix + "a.txt", copy);
    assertThat(Files.readString(copy)).isEqualTo("the second version");
  }

  @Test
  void listingReturnsTheKeysUnderAPrefixInOrderWithTheirChecksums() throws Exception {
    Path one = text("1.txt", "one");
    Path two = text("2.txt", "two!");
    store().put(prefix + "s/b/2.txt", two, "text/plain");
    store().put(prefix + "s/a.txt", one, "text/plain");
    store().put(prefix + "sibling/x.txt", one, "text/plain");

    assertThat(store().list(prefix + "s/"))
        .containsExactly(
            new BlobInfo(prefix + "s/a.txt", 3, Sha256.of(one)),
            new BlobInfo(prefix + "s/b/2.txt", 4, Sha256.of(two)));
    assertThat(store().list(prefix + "nothing/")).isEmpty();
  }

  @Test
  void deletingRemovesTheObjectAndMissingKeysAreNotFound() throws Exception {
    store().put(prefix + "gone.txt", text("g.txt", "bye"), "text/plain");
    store().delete(prefix + "gone.txt");
    store().delete(prefix + "gone.txt"); // twice is fine
    store().delete(prefix + "never/written.bin"); // as is a key nothing was ever put at

    assertThat(store().head(prefix + "gone.txt")).isEmpty();
    assertThatThrownBy(() -> store().get(prefix + "gone.txt", dir.resolve("x")))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND));
    assertThat(Files.exists(dir.resolve("x"))).isFalse();
  }

  @Test
  void aLargeFileIsStoredInPartsAndComesBackWhole() throws Exception {
    Path big = file("big.bin", multipartSize());
    BlobInfo stored = store().put(prefix + "big.bin", big, "application/octet-stream");
    assertThat(stored.size()).isEqualTo(multipartSize());
    Path copy = dir.resolve("big.out");
    store().get(prefix + "big.bin", copy);
    assertThat(Sha256.of(copy)).isEqualTo(Sha256.of(big));
    assertThat(store().head(prefix + "big.bin").orElseThrow().sha256()).isEqualTo(Sha256.of(big));
  }

  @Test
  void aSignedUrlDownloadsTheObjectWithoutCredentialsAndATamperedOneDoesNot() throws Exception {
    Path source = text("signed file.txt", "signed bytes");
    store().put(prefix + "signed file.txt", source, "text/plain");
    URI url = store().signedUrl(prefix + "signed file.txt", Duration.ofHours(1));

    Download download = fetch(url);
    assertThat(download.status()).isEqualTo(200);
    assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo("signed bytes");

    String tampered = url.toString().replace("signed%20file.txt", "other.txt");
    assertThat(fetch(URI.create(tampered)).status()).isBetween(400, 499);
  }

  /**
   * Whether the store signs upload URLs ({@link BlobStore#signedUpload}); the local one does not.
   */
  protected boolean signsUploads() {
    return true;
  }

  /** Sends a file as a client holding a signed upload URL would; answers the HTTP status. */
  protected static int upload(SignedUpload signed, URI url, Path file) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .method(signed.method(), HttpRequest.BodyPublishers.ofFile(file));
    signed.headers().forEach(request::header);
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void aSignedUploadUrlTakesOnePutWithoutCredentialsForItsKeyOnly() throws Exception {
    String key = prefix + "incoming/talk video.mp4";
    Optional<SignedUpload> signed = store().signedUpload(key, "video/mp4", Duration.ofMinutes(10));
    if (!signsUploads()) {
      assertThat(signed).isEmpty();
      return;
    }
    SignedUpload upload = signed.orElseThrow();
    assertThat(upload.method()).isEqualTo("PUT");
    assertThat(upload.maxBytes()).isGreaterThanOrEqualTo(SignedUpload.AZURE_MAX_PUT_BYTES);
    Path source = file("talk.mp4", 200_000);

    String elsewhere = upload.url().toString().replace("talk%20video.mp4", "other.mp4");
    assertThat(elsewhere).isNotEqualTo(upload.url().toString());
    assertThat(upload(upload, URI.create(elsewhere), source)).as("another key").isBetween(400, 499);
    assertThat(store().head(prefix + "incoming/other.mp4")).isEmpty();

    assertThat(upload(upload, upload.url(), source)).isBetween(200, 299);
    assertThat(store().head(key).orElseThrow().size()).isEqualTo(200_000);
    Path copy = dir.resolve("talk.out");
    store().get(key, copy);
    assertThat(Sha256.of(copy)).isEqualTo(Sha256.of(source));
  }

  @Test
  void keysThatCouldEscapeTheStoreAreRefused() {
    for (String key : new String[] {"../etc/passwd", "a//b", "/abs", "a/./b", ""}) {
      assertThatThrownBy(() -> store().head(key))
          .as(key)
          .isInstanceOfSatisfying(
              ReelForgeException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }
  }

  protected Path file(String name, long size) throws IOException {
    Path file = dir.resolve("src").resolve(name);
    Files.createDirectories(file.getParent());
    byte[] chunk = new byte[64 * 1024];
    Random random = new Random(size);
    try (var out = Files.newOutputStream(file)) {
      for (long left = size; left > 0; left -= chunk.length) {
        random.nextBytes(chunk);
        out.write(chunk, 0, (int) Math.min(left, chunk.length));
      }
    }
    return file;
  }

  protected Path text(String name, String content) throws IOException {
    Path file = dir.resolve("src").resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }
}

package dev.reelforge.storage.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.storage.BlobStore;
import dev.reelforge.core.storage.UrlSignature;
import dev.reelforge.testkit.MutableClock;
import dev.reelforge.testkit.storage.BlobStoreContract;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalBlobStoreTest extends BlobStoreContract {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
  private LocalBlobStore store;

  @BeforeEach
  void createStore() {
    store =
        new LocalBlobStore(
            dir.resolve("root"),
            new UrlSignature("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)),
            "https://videos.example.com/",
            clock);
  }

  @Override
  protected BlobStore store() {
    return store;
  }

  /** The local folder signs no uploads: its clients use the app's chunked upload. */
  @Override
  protected boolean signsUploads() {
    return false;
  }

  /** Does what the app's {@code /blobs/} route does: check the signature, then read the file. */
  @Override
  protected Download fetch(URI url) throws Exception {
    assertThat(url.getPath()).startsWith(LocalBlobStore.ROUTE);
    String key = url.getPath().substring(LocalBlobStore.ROUTE.length());
    Map<String, String> query = new HashMap<>();
    for (String pair : url.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    if (!store.verify(key, Long.parseLong(query.get("expires")), query.get("signature"))) {
      return new Download(403, new byte[0]);
    }
    Path file = store.localPath(key).orElseThrow();
    return Files.isRegularFile(file)
        ? new Download(200, Files.readAllBytes(file))
        : new Download(404, new byte[0]);
  }

  @Test
  void signedUrlsUseThePublicUrlAndStopWorkingWhenTheyExpire() throws Exception {
    store.put("a/b.txt", text("b.txt", "bytes"), "text/plain");
    URI url = store.signedUrl("a/b.txt", Duration.ofHours(1));
    assertThat(url.toString()).startsWith("https://videos.example.com/blobs/a/b.txt?expires=");
    assertThat(fetch(url).status()).isEqualTo(200);

    clock.advance(Duration.ofMinutes(61));
    assertThat(fetch(url).status()).isEqualTo(403);
  }

  @Test
  void aFileAlreadyInItsPlaceIsStoredWithoutACopyAndDeletingLeavesNoEmptyFolders()
      throws Exception {
    Path inPlace = store.localPath("stories/s1/.work/voice.wav").orElseThrow();
    Files.createDirectories(inPlace.getParent());
    Files.writeString(inPlace, "narration");
    assertThat(store.put("stories/s1/.work/voice.wav", inPlace, "audio/wav").size()).isEqualTo(9);

    store.delete("stories/s1/.work/voice.wav");
    assertThat(Files.exists(dir.resolve("root/stories"))).isFalse();
    assertThat(Files.isDirectory(dir.resolve("root"))).isTrue();
  }
}

package dev.reelforge.providers.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.publish.AccountCredentials;
import dev.reelforge.core.publish.PostMetadata;
import dev.reelforge.core.publish.PublishItem;
import dev.reelforge.core.publish.PublishOutcome;
import dev.reelforge.core.publish.UploadState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderPublisherTest {

  @TempDir Path dir;

  private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void writesTheVideoThumbnailCaptionsAndMetadataIntoOneDatedFolder() throws Exception {
    PublishItem item = item();
    FolderPublisher publisher = new FolderPublisher(dir.resolve("published"), clock);

    PublishOutcome outcome = publisher.publish(item, AccountCredentials.NONE, new MapState());

    assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
    Path folder = Path.of(((PublishOutcome.Published) outcome).postId());
    assertThat(folder.getFileName().toString()).startsWith("2026-12-06-honey-never-spoils-");
    assertThat(folder.resolve("honey-never-spoils.mp4")).hasSameBinaryContentAs(item.video());
    assertThat(folder.resolve("honey-never-spoils.jpg")).exists();
    assertThat(folder.resolve("honey-never-spoils.srt")).exists();
    assertThat(Files.readString(folder.resolve(FolderPublisher.METADATA)))
        .contains("\"title\" : \"Honey never spoils\"")
        .contains("\"hashtags\" : [ \"honey\", \"history\" ]")
        .contains("\"sha256\" : \"abc123\"")
        .contains("\"privacy\" : \"unlisted\"");
  }

  @Test
  void aRetryAfterACrashMidCopyLeavesExactlyOnePost() throws Exception {
    PublishItem item = item();
    Path root = dir.resolve("published");
    MapState state = new MapState();
    // A first attempt that died while copying: its half-written folder is left behind.
    Files.createDirectories(root.resolve(".partial-" + item.targetId()));
    Files.writeString(root.resolve(".partial-" + item.targetId()).resolve("junk.mp4"), "half");

    FolderPublisher publisher = new FolderPublisher(root, clock);
    publisher.publish(item, AccountCredentials.NONE, state);
    publisher.publish(item, AccountCredentials.NONE, state);
    new FolderPublisher(root, clock).publish(item, AccountCredentials.NONE, state);

    try (Stream<Path> posts = Files.list(root)) {
      List<Path> all = posts.toList();
      assertThat(all).hasSize(1);
      try (Stream<Path> files = Files.list(all.getFirst())) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder(
                "honey-never-spoils.mp4",
                "honey-never-spoils.jpg",
                "honey-never-spoils.srt",
                "metadata.json");
      }
    }
  }

  private PublishItem item() throws Exception {
    Path video = Files.write(dir.resolve("in.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
    Path thumb = Files.writeString(dir.resolve("in.jpg"), "jpeg");
    Path srt = Files.writeString(dir.resolve("in.srt"), "1\n00:00:00,000 --> 00:00:01,000\nHi\n");
    return new PublishItem(
        UUID.fromString("01931d9e-0000-7000-8000-000000000001"),
        "tiktok-1",
        video,
        8,
        "abc123",
        Optional.of(thumb),
        List.of(srt),
        new PostMetadata(
            "Honey never spoils", "Found in tombs.", List.of("honey", "#history"), "en"),
        "unlisted",
        Optional.empty());
  }

  /** Upload state over a map, as the job engine's checkpoint keeps it. */
  static final class MapState implements UploadState {
    final Map<String, String> values = new HashMap<>();

    @Override
    public Optional<String> get(String key) {
      return Optional.ofNullable(values.get(key));
    }

    @Override
    public void put(String key, String value) {
      values.put(key, value);
    }

    @Override
    public void remove(String key) {
      values.remove(key);
    }

    @Override
    public void progress(double fraction, String message) {}

    @Override
    public boolean cancelled() {
      return false;
    }
  }
}

package dev.reelforge.providers.meta;

import dev.reelforge.core.publish.AccountCredentials;
import dev.reelforge.core.publish.PostMetadata;
import dev.reelforge.core.publish.PublishItem;
import dev.reelforge.core.publish.PublishOutcome;
import dev.reelforge.core.publish.Publisher;
import dev.reelforge.core.publish.UploadState;
import dev.reelforge.testkit.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/** Files, items and a driver for the publisher tests. */
public final class PublishFixtures {

  private PublishFixtures() {}

  /**
   * A file of {@code bytes} that opens like an MP4 ({@code ftyp} box first), the rest random so
   * that a misplaced chunk cannot go unnoticed.
   */
  public static Path video(Path dir, String name, int bytes) throws IOException {
    byte[] content = new byte[bytes];
    new Random(bytes).nextBytes(content);
    byte[] head =
        "\0\0\0\u0020ftypisom\0\0\u0002\0isomiso2avc1mp41".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(head, 0, content, 0, head.length);
    return Files.write(dir.resolve(name), content);
  }

  public static PublishItem item(Path video, Optional<URI> publicUrl) throws IOException {
    return new PublishItem(
        UUID.randomUUID(),
        "honey-never-spoils",
        video,
        Files.size(video),
        sha256(Files.readAllBytes(video)),
        Optional.empty(),
        List.of(),
        new PostMetadata(
            "Honey never spoils",
            "Archaeologists found 3,000-year-old honey, still edible.",
            List.of("honey", "bees"),
            "en-US"),
        "public",
        publicUrl);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Calls {@code publisher} until it no longer answers Pending, moving the clock as asked. */
  public static PublishOutcome drive(
      Publisher publisher,
      PublishItem item,
      AccountCredentials account,
      UploadState state,
      MutableClock clock) {
    for (int call = 0; call < 30; call++) {
      PublishOutcome outcome = publisher.publish(item, account, state);
      if (!(outcome instanceof PublishOutcome.Pending pending)) {
        return outcome;
      }
      clock.advance(pending.pollAgainIn());
    }
    throw new AssertionError("still pending after 30 calls");
  }
}

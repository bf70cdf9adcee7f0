package dev.reelforge.providers.publish;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.PostMetadata;
import dev.reelforge.core.publish.PublishItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Videos and items for publisher tests. */
public final class PublishFixtures {

  private PublishFixtures() {}

  /** A file of {@code bytes} seeded random bytes (the platforms never look inside). */
  public static Path video(Path dir, long bytes) throws IOException {
    byte[] content = new byte[(int) bytes];
    new Random(bytes).nextBytes(content);
    Path file = dir.resolve("short-" + bytes + ".mp4");
    Files.write(file, content);
    return file;
  }

  public static PublishItem item(Path video, String privacy) throws IOException {
    return new PublishItem(
        UUID.randomUUID(),
        "honey-never-spoils",
        video,
        Files.size(video),
        "0".repeat(64),
        Optional.empty(),
        List.of(),
        new PostMetadata(
            "Honey never spoils",
            "Archaeologists found 3,000-year-old honey that was still edible.",
            List.of("honey", "facts"),
            "en-US"),
        privacy,
        Optional.empty());
  }

  public static ReelForgeException failure(ThrowingCallable call) {
    try {
      call.call();
    } catch (ReelForgeException e) {
      return e;
    } catch (Throwable other) {
      throw new AssertionError("expected a ReelForgeException, got " + other, other);
    }
    throw new AssertionError("expected a ReelForgeException, nothing was thrown");
  }
}

package dev.reelforge.app.cli;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.AccountCredentials;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.PostMetadata;
import dev.reelforge.core.publish.PublishItem;
import dev.reelforge.core.publish.PublishOutcome;
import dev.reelforge.core.publish.UploadState;
import dev.reelforge.providers.publish.FolderPublisher;
import dev.reelforge.story.StoryOutputs.OutputFile;
import dev.reelforge.story.StoryResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code reelforge publish} and {@code make --publish}: a video and what goes with it written to
 * the local publish folder through the same {@link FolderPublisher} the server's publications use
 * (a folder per post with the video, thumbnail, captions and metadata.json), offline, with no
 * server or database. Each call is a new post.
 */
final class PublishCommand {

  private final PrintStream out;
  private final PrintStream err;

  PublishCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(PublishOptions options, FolderPublisher folder) {
    String name = PublishOptions.titleFrom(options.video()).replace(' ', '-');
    return publish(
        List.of(
            item(
                name,
                options.video(),
                options.thumbnail(),
                options.captions(),
                options.metadata(),
                options.privacy())),
        folder);
  }

  /**
   * The videos {@code make} just finished, each with its thumbnail and captions, with the copy the
   * script writer made for the story (title, description, hashtags), fitted to the folder's limits.
   */
  int publishMade(StoryResult result, FolderPublisher folder) {
    PostMetadata copy =
        new PostMetadata(
                result.title(), result.script().description(), result.script().hashtags(), "")
            .fit(Platform.LOCAL);
    List<PublishItem> items = new ArrayList<>();
    for (OutputFile output : result.outputs()) {
      List<Path> captions = new ArrayList<>();
      existing(result, output.srt()).ifPresent(captions::add);
      existing(result, output.vtt()).ifPresent(captions::add);
      Path video = result.file(output.video());
      items.add(
          item(
              video.getFileName().toString().replaceFirst("\\.mp4$", ""),
              video,
              existing(result, output.thumbnail()),
              captions,
              copy,
              "public"));
    }
    return publish(items, folder);
  }

  private int publish(List<PublishItem> items, FolderPublisher folder) {
    for (PublishItem item : items) {
      PublishOutcome outcome;
      try {
        outcome = folder.publish(item, AccountCredentials.NONE, new OneCallState());
      } catch (ReelForgeException e) {
        err.println("reelforge: " + e.getMessage());
        return 1;
      }
      // The folder publisher answers Published or throws: it has no platform to wait for.
      Path post = Path.of(((PublishOutcome.Published) outcome).postId());
      out.printf("Published '%s' to %s%n", item.metadata().title(), post);
      try (var files = Files.list(post)) {
        files.map(f -> f.getFileName().toString()).sorted().forEach(f -> out.println("  " + f));
      } catch (IOException e) {
        // The post is written; only the listing is missing.
      }
    }
    return 0;
  }

  private static Optional<Path> existing(StoryResult result, String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    Path file = result.file(name);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  private static PublishItem item(
      String name,
      Path video,
      Optional<Path> thumbnail,
      List<Path> captions,
      PostMetadata metadata,
      String privacy) {
    try {
      return new PublishItem(
          UUID.randomUUID(),
          name,
          video,
          Files.size(video),
          sha256(video),
          thumbnail,
          captions,
          metadata,
          privacy,
          Optional.empty());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** One call's upload state: the folder publisher finishes in one call, nothing to resume. */
  private static final class OneCallState implements UploadState {
    private final Map<String, String> values = new HashMap<>();

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

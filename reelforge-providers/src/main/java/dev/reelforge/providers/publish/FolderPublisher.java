package dev.reelforge.providers.publish;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.AccountCredentials;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.PublishItem;
import dev.reelforge.core.publish.PublishOutcome;
import dev.reelforge.core.publish.Publisher;
import dev.reelforge.core.publish.UploadState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local publish folder: each post becomes a folder {@code <root>/<date>-<name>/} holding the
 * video, its thumbnail, its captions and {@code metadata.json} (the copy, privacy, checksum and
 * size), for a person or another tool to pick up. The folder is written beside its final name and
 * moved into place in one step, so a reader never sees half a post and a retry after a crash finds
 * either nothing or the whole post — never two.
 */
public final class FolderPublisher implements Publisher {

  public static final String NAME = "folder";
  static final String METADATA = "metadata.json";

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Path root;
  private final Clock clock;

  public FolderPublisher(Path root, Clock clock) {
    this.root = root.toAbsolutePath().normalize();
    this.clock = clock;
  }

  @Override
  public Platform platform() {
    return Platform.LOCAL;
  }

  @Override
  public String name() {
    return NAME;
  }

  public Path root() {
    return root;
  }

  @Override
  public PublishOutcome publish(
      PublishItem item, AccountCredentials credentials, UploadState state) {
    Path folder =
        state
            .get("folder")
            .map(Path::of)
            .orElseGet(
                () -> {
                  Path chosen = root.resolve(folderName(item));
                  state.put("folder", chosen.toString());
                  return chosen;
                });
    try {
      if (!Files.isRegularFile(folder.resolve(METADATA))) {
        write(item, folder);
      }
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR,
          "cannot write to the publish folder " + root + ": " + e.getMessage(),
          true,
          java.util.List.of(),
          e);
    }
    state.progress(1, "written to " + folder);
    return new PublishOutcome.Published(folder.toString(), folder.toUri().toString());
  }

  private void write(PublishItem item, Path folder) throws IOException {
    Files.createDirectories(root);
    Path partial = root.resolve(".partial-" + item.targetId());
    deleteTree(partial);
    Files.createDirectories(partial);
    Files.copy(item.video(), partial.resolve(fileName(item, ".mp4")));
    if (item.thumbnail().isPresent()) {
      Files.copy(
          item.thumbnail().get(),
          partial.resolve(fileName(item, extension(item.thumbnail().get()))));
    }
    for (Path caption : item.captions()) {
      Files.copy(caption, partial.resolve(fileName(item, extension(caption))));
    }
    Files.writeString(partial.resolve(METADATA), JSON.writeValueAsString(metadata(item)));
    deleteTree(folder);
    try {
      Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partial, folder);
    }
  }

  private Map<String, Object> metadata(PublishItem item) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("title", item.metadata().title());
    json.put("description", item.metadata().description());
    json.put("hashtags", item.metadata().hashtags());
    json.put("locale", item.metadata().locale());
    json.put("privacy", item.privacy());
    json.put("video", fileName(item, ".mp4"));
    json.put("bytes", item.videoBytes());
    json.put("sha256", item.sha256());
    json.put("targetId", item.targetId().toString());
    json.put("publishedAt", clock.instant().toString());
    return json;
  }

  private String folderName(PublishItem item) {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
        + "-"
        + slug(item)
        + "-"
        + item.targetId().toString().substring(0, 8);
  }

  private static String fileName(PublishItem item, String extension) {
    return slug(item) + extension;
  }

  private static String slug(PublishItem item) {
    String source = item.metadata().title().isBlank() ? item.name() : item.metadata().title();
    String slug =
        source.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    slug = slug.length() > 60 ? slug.substring(0, 60).replaceAll("-$", "") : slug;
    return slug.isEmpty() ? "post" : slug;
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}

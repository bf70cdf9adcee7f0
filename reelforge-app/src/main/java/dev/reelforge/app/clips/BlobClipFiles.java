package dev.reelforge.app.clips;

import dev.reelforge.clips.ClipFiles;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.storage.BlobCatalog;
import dev.reelforge.core.storage.RetentionClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The clips feature's files in the blob catalog (local folder, S3 or Azure) with the standard
 * retention. On a local store a stage reads the stored file where it lies: sources are hours long,
 * and copying one for each stage would cost more than the stage.
 */
final class BlobClipFiles implements ClipFiles {

  private final BlobCatalog catalog;

  BlobClipFiles(BlobCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void put(String key, Path file) {
    catalog.put(key, file, contentType(key), RetentionClass.STANDARD);
  }

  @Override
  public Path local(String key, Path scratch) {
    if (catalog.find(key).isEmpty()) {
      throw ReelForgeException.notFound("Clip file", key);
    }
    Optional<Path> here = catalog.store().localPath(key);
    if (here.isPresent() && Files.isRegularFile(here.get())) {
      return here.get();
    }
    Path target = scratch.resolve(key.substring(key.lastIndexOf('/') + 1));
    try {
      Files.createDirectories(scratch);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    catalog.get(key, target);
    return target;
  }

  @Override
  public boolean exists(String key) {
    return catalog.find(key).isPresent();
  }

  static String contentType(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".mp4") || lower.endsWith(".m4v")) {
      return "video/mp4";
    }
    if (lower.endsWith(".mov")) {
      return "video/quicktime";
    }
    if (lower.endsWith(".webm")) {
      return "video/webm";
    }
    if (lower.endsWith(".mkv")) {
      return "video/x-matroska";
    }
    if (lower.endsWith(".jpg")) {
      return "image/jpeg";
    }
    if (lower.endsWith(".srt")) {
      return "application/x-subrip";
    }
    if (lower.endsWith(".vtt")) {
      return "text/vtt";
    }
    if (lower.endsWith(".json")) {
      return "application/json";
    }
    if (lower.endsWith(".wav")) {
      return "audio/wav";
    }
    return "application/octet-stream";
  }
}

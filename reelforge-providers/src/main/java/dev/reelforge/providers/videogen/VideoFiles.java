package dev.reelforge.providers.videogen;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.http.JsonApiClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * Finished clips of the cloud video engines, stored as {@code stem.mp4} and measured from their own
 * header: downloads go to a {@code .part} file renamed when complete (the client's {@link
 * JsonApiClient#download}), so a broken download never looks like a clip, and a file that is not an
 * H.264 MP4 fails the job instead of reaching a render.
 */
public final class VideoFiles {

  /** Ten seconds of 4K H.264 stays far below this; a larger answer is not the clip we asked for. */
  public static final long MAX_BYTES = 512L << 20;

  /** A clip of a few tens of megabytes arrives well within this on any working link. */
  public static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(3);

  private VideoFiles() {}

  /** A stored clip and what its header says. */
  public record StoredClip(Path file, Mp4Header header) {}

  /** Downloads a clip the vendor links to (a CDN URL, sent without the key). */
  public static StoredClip download(JsonApiClient api, URI uri, Path directory, String stem) {
    Path target = target(directory, stem);
    api.download(uri, target, MAX_BYTES, DOWNLOAD_TIMEOUT);
    return measured(api.provider(), target);
  }

  /** Downloads a clip the vendor serves only with its key. */
  public static StoredClip downloadWithKey(
      JsonApiClient api, URI uri, Path directory, String stem) {
    Path target = target(directory, stem);
    api.downloadWithKey(uri, target, MAX_BYTES, DOWNLOAD_TIMEOUT);
    return measured(api.provider(), target);
  }

  /** Stores a clip the vendor sent inline (decoded base64), written whole before it is named. */
  public static StoredClip store(String provider, byte[] mp4, Path directory, String stem) {
    if (mp4.length > MAX_BYTES) {
      throw notAClip(provider, "an inline clip of " + mp4.length + " bytes");
    }
    Path target = target(directory, stem);
    Path partial = target.resolveSibling(target.getFileName() + ".part");
    try {
      Files.write(partial, mp4);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR, "could not store the clip from " + provider, e);
    }
    return measured(provider, target);
  }

  private static Path target(Path directory, String stem) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR, "could not create the folder for the clip " + directory, e);
    }
    return directory.resolve(stem + ".mp4");
  }

  private static StoredClip measured(String provider, Path file) {
    Mp4Header header;
    try {
      header = Mp4Header.read(file);
    } catch (IOException e) {
      deleteQuietly(file);
      throw notAClip(provider, e.getMessage());
    }
    if (!header.isH264()) {
      deleteQuietly(file);
      throw notAClip(provider, "a clip coded as '" + header.codec() + "', not H.264");
    }
    return new StoredClip(file, header);
  }

  // Not retried as such: the same job would deliver the same file; the engine's fallback decides.
  private static ReelForgeException notAClip(String provider, String what) {
    return new ReelForgeException(
        ErrorCode.EXTERNAL_API_ERROR,
        provider + " delivered " + what + "; expected an H.264 MP4",
        false,
        List.of(),
        null);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // The failure being reported matters more; the job's folder is cleaned with the job.
    }
  }
}

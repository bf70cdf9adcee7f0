package dev.reelforge.providers.videogen;

import dev.reelforge.core.cost.Prices;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.videogen.GeneratedVideo;
import dev.reelforge.providers.http.JsonApiClient;
import dev.reelforge.providers.http.ProviderResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * Finished clips of the cloud video engines brought home: stored as {@code stem.mp4} in the job's
 * directory (a download goes to a {@code .part} file renamed when complete, the client's {@link
 * JsonApiClient#download}; an inline clip is written whole before it is named), so a broken
 * transfer never looks like a clip; measured from their own MP4 index rather than believed from the
 * vendor's answer, a file that is not an H.264 MP4 failing the job instead of reaching a render;
 * and metered at the seed's price per second of video.
 */
public final class VideoFiles {

  /** Ten seconds of 4K H.264 stays far below this; a larger answer is not the clip we asked for. */
  public static final long MAX_BYTES = 512L << 20;

  /** A clip of a few tens of megabytes arrives well within this on any working link. */
  public static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(3);

  private VideoFiles() {}

  /** A stored clip and what its header says. */
  public record StoredClip(Path file, Mp4Header header) {}

  /**
   * Downloads the clip at {@code uri} (a CDN URL, sent without the key), meters its seconds as
   * {@code model} and describes it: the whole way home for vendors that link to their results.
   */
  public static GeneratedVideo finish(
      JsonApiClient api, URI uri, Path directory, String stem, String model, MediaLicence licence) {
    Path target = target(directory, stem);
    ProviderResponse response = api.download(uri, target, MAX_BYTES, DOWNLOAD_TIMEOUT);
    return generated(api, measured(api.provider(), target), model, licence, response);
  }

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

  /**
   * Meters {@code clip}'s measured seconds (at least one) as {@code model}, with the vendor's
   * {@code answer} that delivered it, and describes it as {@code provider/model}.
   */
  public static GeneratedVideo generated(
      JsonApiClient api,
      StoredClip clip,
      String model,
      MediaLicence licence,
      ProviderResponse answer) {
    Mp4Header header = clip.header();
    long seconds = Math.max(1, Math.round(header.durationSeconds()));
    api.meter(
        "video", model, seconds, "seconds", Prices.times(seconds, Prices.VIDEO_PER_SECOND), answer);
    return new GeneratedVideo(
        clip.file(),
        header.width(),
        header.height(),
        header.durationSeconds(),
        api.provider() + "/" + model,
        licence);
  }

  /** A vendor's id as a file name: letters, digits, dots, dashes and underscores only. */
  static String safe(String stem) {
    return stem.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static Path target(Path directory, String stem) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR, "could not create the folder for the clip " + directory, e);
    }
    return directory.resolve(safe(stem) + ".mp4");
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
    if (header.durationSeconds() <= 0) {
      deleteQuietly(file);
      throw notAClip(provider, "an empty clip");
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

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
import java.time.Duration;
import java.util.List;

/**
 * A finished vendor clip brought home: downloaded into the job's directory through the vendor's
 * client (capped, written to a {@code .part} file and renamed, so a broken download never looks
 * complete), measured from its own MP4 index rather than believed from the vendor's answer, and
 * metered at the seed's price per second of video.
 */
public final class VideoFiles {

  /** Ten seconds of 4K H.264 is well under this; anything larger is not a clip we asked for. */
  public static final long MAX_BYTES = 500L << 20;

  /** One clip's download, on the vendor's CDN. */
  public static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(2);

  private VideoFiles() {}

  /**
   * Downloads {@code uri} to {@code stem.mp4} in {@code directory}, meters its seconds as {@code
   * model} and describes it.
   *
   * @param model the vendor's model name, recorded as {@code provider/model}
   */
  public static GeneratedVideo finish(
      JsonApiClient api, URI uri, Path directory, String stem, String model, MediaLicence licence) {
    Path file = directory.resolve(safe(stem) + ".mp4");
    ProviderResponse response;
    try {
      Files.createDirectories(directory);
      response = api.download(uri, file, MAX_BYTES, DOWNLOAD_TIMEOUT);
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR, "could not store the clip from " + api.provider(), e);
    }
    Mp4Header header;
    try {
      header = Mp4Header.read(file);
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR,
          api.provider() + " delivered a clip that is not a playable MP4: " + e.getMessage(),
          true,
          List.of(),
          e);
    }
    if (header.durationSeconds() <= 0) {
      throw new ReelForgeException(
          ErrorCode.EXTERNAL_API_ERROR, api.provider() + " delivered an empty clip");
    }
    long seconds = Math.max(1, Math.round(header.durationSeconds()));
    api.meter(
        "video",
        model,
        seconds,
        "seconds",
        Prices.times(seconds, Prices.VIDEO_PER_SECOND),
        response);
    return new GeneratedVideo(
        file,
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
}

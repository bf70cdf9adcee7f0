package dev.reelforge.providers.visuals;

import dev.reelforge.core.visuals.VisualAsset;
import dev.reelforge.core.visuals.VisualCandidate;
import dev.reelforge.core.visuals.VisualKind;
import dev.reelforge.providers.http.JsonApiClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** Brings a stock candidate to disk, named by source and id so a second fetch is free. */
public final class StockDownloads {

  /** Seed 000's {@code VIDEO_DOWNLOAD_TIMEOUT_MS}. */
  static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(60);

  /** Larger files are not stock clips worth a beat of a few seconds. */
  static final long MAX_BYTES = 300L * 1024 * 1024;

  private StockDownloads() {}

  public static VisualAsset fetch(JsonApiClient api, VisualCandidate candidate, Path directory) {
    String extension =
        candidate.kind() == VisualKind.VIDEO ? "mp4" : extension(candidate.location());
    Path target =
        directory.resolve(
            candidate.source()
                + "-"
                + candidate.id().replaceAll("[^A-Za-z0-9_-]", "_")
                + "."
                + extension);
    if (!Files.isRegularFile(target)) {
      try {
        Files.createDirectories(directory);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      api.download(URI.create(candidate.location()), target, MAX_BYTES, DOWNLOAD_TIMEOUT);
    }
    return new VisualAsset(target, candidate);
  }

  private static String extension(String url) {
    String path = URI.create(url).getPath().toLowerCase(Locale.ROOT);
    for (String known : new String[] {"png", "webp", "jpeg", "jpg"}) {
      if (path.endsWith("." + known)) {
        return known;
      }
    }
    return "jpg";
  }
}

package dev.reelforge.providers.pexels;

import dev.reelforge.core.cost.Prices;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.visuals.Orientation;
import dev.reelforge.core.visuals.VisualAsset;
import dev.reelforge.core.visuals.VisualCandidate;
import dev.reelforge.core.visuals.VisualKind;
import dev.reelforge.core.visuals.VisualQuery;
import dev.reelforge.core.visuals.VisualSource;
import dev.reelforge.providers.http.JsonApiClient;
import dev.reelforge.providers.http.ProviderResponse;
import dev.reelforge.providers.visuals.StockDownloads;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Pexels video search ({@code GET /videos/search}) and photo search ({@code GET /v1/search}), with
 * the key in the {@code Authorization} header. For each clip the MP4 rendition closest to full HD
 * is chosen; photos use the {@code large2x} size. Licence: the Pexels License, credited to the
 * photographer or videographer.
 */
public final class PexelsVisuals implements VisualSource {

  public static final String NAME = PexelsFactory.NAME;
  static final String LICENCE = "Pexels License";

  private final JsonApiClient api;

  PexelsVisuals(JsonApiClient api) {
    this.api = api;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<VisualCandidate> search(VisualQuery query) {
    List<VisualCandidate> found = new ArrayList<>();
    if (query.kinds().contains(VisualKind.VIDEO)) {
      JsonNode answer = get("/videos/search", query);
      int rank = 0;
      for (JsonNode video : answer.path("videos")) {
        JsonNode file = bestFile(video.path("video_files"), query.orientation());
        if (file == null) {
          continue;
        }
        long millis = video.path("duration").asLong(0) * 1000;
        double score = 1.0 - rank++ * 0.05 + (millis >= query.minDurationMillis() ? 0.1 : 0);
        found.add(
            new VisualCandidate(
                NAME,
                "video-" + video.path("id").asString(),
                VisualKind.VIDEO,
                file.path("width").asInt(),
                file.path("height").asInt(),
                millis,
                file.path("link").asString(),
                slug(video.path("url").asString("")),
                new MediaLicence(
                    NAME,
                    video.path("user").path("name").asString("Pexels contributor"),
                    LICENCE,
                    video.path("url").asString("")),
                score));
      }
    }
    if (query.kinds().contains(VisualKind.IMAGE)) {
      JsonNode answer = get("/v1/search", query);
      int rank = 0;
      for (JsonNode photo : answer.path("photos")) {
        found.add(
            new VisualCandidate(
                NAME,
                "photo-" + photo.path("id").asString(),
                VisualKind.IMAGE,
                photo.path("width").asInt(),
                photo.path("height").asInt(),
                0,
                photo
                    .path("src")
                    .path("large2x")
                    .asString(photo.path("src").path("original").asString()),
                photo.path("alt").asString(""),
                new MediaLicence(
                    NAME,
                    photo.path("photographer").asString("Pexels contributor"),
                    LICENCE,
                    photo.path("url").asString("")),
                0.95 - rank++ * 0.05));
      }
    }
    found.sort(Comparator.comparingDouble(VisualCandidate::score).reversed());
    return found.stream().limit(query.limit()).toList();
  }

  @Override
  public VisualAsset fetch(VisualCandidate candidate, Path directory) {
    return StockDownloads.fetch(api, candidate, directory);
  }

  private JsonNode get(String path, VisualQuery query) {
    String url =
        path
            + "?query="
            + URLEncoder.encode(query.phrase(), StandardCharsets.UTF_8)
            + "&orientation="
            + query.orientation().name().toLowerCase(Locale.ROOT)
            + "&per_page="
            + Math.min(80, Math.max(query.limit(), 5));
    ProviderResponse response = api.get(url);
    api.meter("search", path, 1, "requests", Prices.FREE, response);
    return api.json(response);
  }

  /** The MP4 nearest 1080 pixels on its short side, preferring the query's shape. */
  private static JsonNode bestFile(JsonNode files, Orientation orientation) {
    JsonNode best = null;
    double bestCost = Double.MAX_VALUE;
    for (JsonNode file : files) {
      if (!file.path("file_type").asString("").equals("video/mp4")) {
        continue;
      }
      int width = file.path("width").asInt(0);
      int height = file.path("height").asInt(0);
      if (width == 0 || height == 0) {
        continue;
      }
      double cost = Math.abs(Math.min(width, height) - 1080) / 1080.0;
      if (Orientation.of(width, height) != orientation) {
        cost += 1;
      }
      if (cost < bestCost) {
        best = file;
        bestCost = cost;
      }
    }
    return best;
  }

  /** Pexels' page URL ends in a slug that describes the clip: {@code .../ocean-waves-123/}. */
  private static String slug(String url) {
    String[] parts = url.replaceAll("/+$", "").split("/");
    return parts.length == 0
        ? ""
        : parts[parts.length - 1].replaceAll("-\\d+$", "").replace('-', ' ');
  }
}

package dev.reelforge.providers.pixabay;

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
import tools.jackson.databind.JsonNode;

/**
 * Pixabay image search ({@code GET /api/}) and video search ({@code GET /api/videos/}), the key as
 * the {@code key} parameter, safe search on. Pixabay filters images by orientation but not videos,
 * so clips of the wrong shape rank lower. Licence: the Pixabay Content License.
 */
public final class PixabayVisuals implements VisualSource {

  public static final String NAME = PixabayFactory.NAME;
  static final String LICENCE = "Pixabay Content License";

  /** Pixabay refuses longer queries. */
  static final int MAX_QUERY_CHARS = 100;

  private final JsonApiClient api;

  PixabayVisuals(JsonApiClient api) {
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
      int rank = 0;
      for (JsonNode hit : get("/api/videos/", query, "").path("hits")) {
        JsonNode rendition = hit.path("videos").path("large");
        if (rendition.path("url").asString("").isEmpty()) {
          rendition = hit.path("videos").path("medium");
        }
        int width = rendition.path("width").asInt(0);
        int height = rendition.path("height").asInt(0);
        if (width == 0 || height == 0) {
          continue;
        }
        long millis = hit.path("duration").asLong(0) * 1000;
        double score =
            1.0
                - rank++ * 0.05
                + (Orientation.of(width, height) == query.orientation() ? 0.2 : 0)
                + (millis >= query.minDurationMillis() ? 0.1 : 0);
        found.add(
            candidate(
                hit,
                VisualKind.VIDEO,
                width,
                height,
                millis,
                rendition.path("url").asString(),
                score));
      }
    }
    if (query.kinds().contains(VisualKind.IMAGE)) {
      int rank = 0;
      String orientation =
          switch (query.orientation()) {
            case PORTRAIT -> "vertical";
            case LANDSCAPE -> "horizontal";
            case SQUARE -> "all";
          };
      for (JsonNode hit :
          get("/api/", query, "&image_type=photo&orientation=" + orientation).path("hits")) {
        found.add(
            candidate(
                hit,
                VisualKind.IMAGE,
                hit.path("imageWidth").asInt(),
                hit.path("imageHeight").asInt(),
                0,
                hit.path("largeImageURL").asString(hit.path("webformatURL").asString()),
                1.1 - rank++ * 0.05));
      }
    }
    found.sort(Comparator.comparingDouble(VisualCandidate::score).reversed());
    return found.stream().limit(query.limit()).toList();
  }

  @Override
  public VisualAsset fetch(VisualCandidate candidate, Path directory) {
    return StockDownloads.fetch(api, candidate, directory);
  }

  private VisualCandidate candidate(
      JsonNode hit, VisualKind kind, int width, int height, long millis, String url, double score) {
    return new VisualCandidate(
        NAME,
        (kind == VisualKind.VIDEO ? "video-" : "photo-") + hit.path("id").asString(),
        kind,
        width,
        height,
        millis,
        url,
        hit.path("tags").asString(""),
        new MediaLicence(
            NAME,
            hit.path("user").asString("Pixabay contributor"),
            LICENCE,
            hit.path("pageURL").asString("")),
        score);
  }

  private JsonNode get(String path, VisualQuery query, String extra) {
    String phrase = query.phrase();
    if (phrase.length() > MAX_QUERY_CHARS) {
      phrase =
          phrase.substring(
              0,
              phrase.lastIndexOf(' ', MAX_QUERY_CHARS) > 0
                  ? phrase.lastIndexOf(' ', MAX_QUERY_CHARS)
                  : MAX_QUERY_CHARS);
    }
    String url =
        path
            + "?q="
            + URLEncoder.encode(phrase, StandardCharsets.UTF_8)
            + "&safesearch=true&per_page="
            + Math.min(200, Math.max(query.limit(), 3))
            + extra;
    ProviderResponse response = api.get(url);
    api.meter("search", path, 1, "requests", Prices.FREE, response);
    return api.json(response);
  }
}

package dev.reelforge.media.library;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.visuals.Orientation;
import dev.reelforge.core.visuals.VisualAsset;
import dev.reelforge.core.visuals.VisualCandidate;
import dev.reelforge.core.visuals.VisualKind;
import dev.reelforge.core.visuals.VisualQuery;
import dev.reelforge.core.visuals.VisualSource;
import dev.reelforge.media.probe.MediaInfo;
import dev.reelforge.media.probe.MediaProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A folder of the operator's own pictures and clips, indexed by file name, folder names, sidecar
 * tags and media metadata (ffprobe for clips, the image header for stills), and searched by a
 * beat's keywords. The index refreshes at most once per {@code refreshEvery}: only new or changed
 * files are probed again, removed files drop out.
 */
public final class LocalMediaLibrary implements VisualSource {

  public static final String NAME = "library";

  static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif");
  static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "mov", "m4v", "webm", "mkv");

  private final Path root;
  private final Supplier<Optional<MediaProbe>> probe;
  private final FolderIndex<LibraryItem> index;

  /**
   * @param probe reads clips' metadata, asked for only when a clip is indexed (finding FFmpeg is
   *     not free); without one (an FFmpeg build with no ffprobe) clips are skipped and reported by
   *     {@link #skipped()}
   */
  public LocalMediaLibrary(
      Path root, Supplier<Optional<MediaProbe>> probe, Clock clock, Duration refreshEvery) {
    this.probe = probe;
    this.index =
        new FolderIndex<>(root, p -> kindOf(p).isPresent(), this::read, clock, refreshEvery);
    this.root = index.root();
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Files that could not be indexed, with the reason, for {@code doctor} and the logs. */
  public Map<Path, String> skipped() {
    return index.skipped();
  }

  /** How many files are indexed. */
  public int size() {
    return index.entries().size();
  }

  @Override
  public List<VisualCandidate> search(VisualQuery query) {
    List<String> keywords =
        query.keywords().stream()
            .map(k -> k.toLowerCase(Locale.ROOT).strip())
            .filter(k -> !k.isEmpty())
            .toList();
    List<VisualCandidate> found = new ArrayList<>();
    for (LibraryItem item : index.entries()) {
      if (!query.kinds().contains(item.kind())) {
        continue;
      }
      double relevance = relevance(item.tags(), keywords);
      if (relevance <= 0) {
        continue;
      }
      double score = relevance;
      if (Orientation.of(item.width(), item.height()) == query.orientation()) {
        score += 0.3;
      }
      if (item.kind() == VisualKind.VIDEO && item.durationMillis() >= query.minDurationMillis()) {
        score += 0.2;
      }
      found.add(candidate(item, score));
    }
    found.sort(
        Comparator.comparingDouble(VisualCandidate::score)
            .reversed()
            .thenComparing(VisualCandidate::id));
    return found.stream().limit(query.limit()).toList();
  }

  /**
   * Each keyword counts by its rank (the first matters most): a full tag match 1, a tag that starts
   * with it or it with the tag (plural, "sunsets" for "sunset") 0.7.
   */
  static double relevance(Set<String> tags, List<String> keywords) {
    double score = 0;
    for (int i = 0; i < keywords.size(); i++) {
      String keyword = keywords.get(i);
      double weight = 1.0 / (1 + i);
      double best = 0;
      for (String tag : tags) {
        if (tag.equals(keyword)) {
          best = 1;
          break;
        }
        if (Math.min(tag.length(), keyword.length()) >= 4
            && (tag.startsWith(keyword) || keyword.startsWith(tag))) {
          best = Math.max(best, 0.7);
        }
      }
      score += best * weight;
    }
    return score;
  }

  @Override
  public VisualAsset fetch(VisualCandidate candidate, Path directory) {
    Path source = Path.of(candidate.location());
    if (!source.toAbsolutePath().normalize().startsWith(root) || !Files.isRegularFile(source)) {
      throw ReelForgeException.notFound("library file", candidate.id());
    }
    try {
      Files.createDirectories(directory);
      Path target = directory.resolve(source.getFileName().toString());
      if (!Files.exists(target)) {
        try {
          Files.createLink(target, source);
        } catch (IOException | UnsupportedOperationException crossDevice) {
          Files.copy(source, target);
        }
      }
      return new VisualAsset(target, candidate);
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR, "could not copy " + source + " from the library", e);
    }
  }

  /** Rescans now, probing only new or changed files. */
  public void refresh() {
    index.refresh();
  }

  private LibraryItem read(Path file) throws IOException {
    VisualKind kind = kindOf(file).orElseThrow();
    int[] dimensions;
    long durationMillis = 0;
    if (kind == VisualKind.IMAGE) {
      dimensions = ImageHeaders.size(file);
    } else {
      Optional<MediaProbe> clipProbe = probe.get();
      if (clipProbe.isEmpty()) {
        throw FolderIndex.skip("clips need ffprobe, which this FFmpeg build lacks");
      }
      MediaInfo info = clipProbe.get().probe(file);
      MediaInfo.Stream video =
          info.video().orElseThrow(() -> new IOException("it has no video stream"));
      dimensions = new int[] {video.width(), video.height()};
      durationMillis = Math.round(info.durationSeconds() * 1000);
    }
    Sidecar sidecar = Sidecar.read(file, NAME);
    Set<String> tags = new LinkedHashSet<>(FileNameTags.of(root, file));
    tags.addAll(sidecar.tags());
    return new LibraryItem(
        file,
        kind,
        dimensions[0],
        dimensions[1],
        durationMillis,
        Set.copyOf(tags),
        sidecar.licence());
  }

  static Optional<VisualKind> kindOf(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1);
    if (IMAGE_EXTENSIONS.contains(extension)) {
      return Optional.of(VisualKind.IMAGE);
    }
    return VIDEO_EXTENSIONS.contains(extension) ? Optional.of(VisualKind.VIDEO) : Optional.empty();
  }

  private VisualCandidate candidate(LibraryItem item, double score) {
    String id = root.relativize(item.file()).toString();
    return new VisualCandidate(
        NAME,
        id,
        item.kind(),
        item.width(),
        item.height(),
        item.durationMillis(),
        item.file().toString(),
        String.join(", ", item.tags()),
        item.licence(),
        score);
  }
}

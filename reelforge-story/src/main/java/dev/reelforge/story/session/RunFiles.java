package dev.reelforge.story.session;

import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.story.StoryJson;
import dev.reelforge.story.StoryOutputs;
import dev.reelforge.story.StoryPipeline;
import dev.reelforge.story.StoryRunInputs;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a person reads about a {@code story} run without opening it: the video's title, the session
 * it belongs to, the files it made under names taken from the title ({@code the-moon-tiktok.mp4}
 * rather than the stored {@code story-tiktok.mp4}), and the render stages that apply to it. The API
 * and the dashboard both read runs through here, so that they name things alike.
 */
public final class RunFiles {

  /** Words of the input a title falls back to. */
  private static final int TITLE_WORDS = 8;

  private static final int TITLE_CHARS = 60;
  private static final int SLUG_CHARS = 50;

  private RunFiles() {}

  /** One file a run made: which kind, of which format, stored as {@code stored}. */
  public record File(String kind, String format, String stored, String downloadName, long bytes) {

    /** The file's type, from its name: {@code mp4}, {@code jpg}, {@code srt}, … */
    public String type() {
      int dot = stored.lastIndexOf('.');
      return dot < 0 ? "" : stored.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
  }

  /** The session a run of the session API belongs to; empty for other runs and {@code make}. */
  public static Optional<String> sessionId(RunRecord run) {
    return inputs(run)
        .map(StoryRunInputs::sessionId)
        .filter(id -> !id.equals(StoryRunInputs.MAKE_SESSION));
  }

  /**
   * The video's title: the one its script was written with, else the first words of its input;
   * empty for a run that is not a story.
   */
  public static Optional<String> title(RunRecord run) {
    if (run.status() == RunStatus.SUCCEEDED) {
      String written = manifest(run).map(StoryOutputs.ManifestOutput::title).orElse(null);
      if (written != null && !written.isBlank()) {
        return Optional.of(written.strip());
      }
    }
    return inputs(run)
        .map(
            in ->
                in.title() != null && !in.title().isBlank()
                    ? in.title().strip()
                    : firstWords(in.input().text()));
  }

  /**
   * The render stages that do not apply to the run: those of shapes none of its formats has (they
   * complete at once and say nothing).
   */
  public static Set<String> skippedStages(RunRecord run) {
    return inputs(run)
        .map(in -> StoryPipeline.skippedRenders(in.input().formats()))
        .orElse(Set.of());
  }

  /**
   * The files of a succeeded story run, each named after the video's title: every format's video,
   * thumbnail and captions, then the manifest. Empty before the run succeeded.
   */
  public static List<File> files(RunRecord run) {
    Optional<StoryOutputs.ManifestOutput> manifest =
        run.status() == RunStatus.SUCCEEDED ? manifest(run) : Optional.empty();
    if (manifest.isEmpty()) {
      return List.of();
    }
    String stem = slug(title(run).orElse(""));
    List<File> files = new ArrayList<>();
    for (StoryOutputs.OutputFile o : manifest.get().outputs()) {
      files.add(file("video", o.format(), o.video(), stem, o.bytes()));
      files.add(file("thumbnail", o.format(), o.thumbnail(), stem, -1));
      files.add(file("captions", o.format(), o.srt(), stem, -1));
      files.add(file("captions", o.format(), o.vtt(), stem, -1));
    }
    String stored = manifest.get().manifest();
    files.add(new File("manifest", "", stored, stem + "-manifest" + extension(stored), -1));
    return files;
  }

  private static File file(String kind, String format, String stored, String stem, long bytes) {
    return new File(kind, format, stored, stem + "-" + format + extension(stored), bytes);
  }

  /**
   * A file-name stem from a title: lower-case ASCII letters and digits joined by hyphens, accents
   * dropped ({@code "The Moon, à la carte!"} → {@code the-moon-a-la-carte}), cut at a word within
   * 50 characters; {@code video} when nothing is left.
   */
  public static String slug(String title) {
    String ascii =
        Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (ascii.length() > SLUG_CHARS) {
      int cut = ascii.lastIndexOf('-', SLUG_CHARS);
      ascii = ascii.substring(0, cut > 0 ? cut : SLUG_CHARS);
    }
    return ascii.isEmpty() ? "video" : ascii;
  }

  /** The first words of an input, for a title: at most eight, within 60 characters. */
  static String firstWords(String text) {
    String[] words = (text == null ? "" : text.strip()).split("\\s+");
    StringBuilder title = new StringBuilder();
    for (int i = 0; i < Math.min(words.length, TITLE_WORDS); i++) {
      if (title.length() + words[i].length() + 1 > TITLE_CHARS) {
        break;
      }
      title.append(title.isEmpty() ? "" : " ").append(words[i]);
    }
    boolean cut = title.length() < text.strip().length();
    return title.isEmpty() ? "Untitled video" : title + (cut ? "…" : "");
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
  }

  private static Optional<StoryRunInputs> inputs(RunRecord run) {
    if (!run.kind().equals(StoryPipeline.KIND)) {
      return Optional.empty();
    }
    return Optional.of(StoryJson.read(run.inputs(), StoryRunInputs.class));
  }

  private static Optional<StoryOutputs.ManifestOutput> manifest(RunRecord run) {
    return StoryJson.resultIfAny(run);
  }
}

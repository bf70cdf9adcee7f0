package dev.reelforge.app.cli;

import dev.reelforge.clips.ClipLimits;
import dev.reelforge.clips.HighlightOptions;
import dev.reelforge.core.render.CaptionStyles;
import dev.reelforge.core.render.RenderPreset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The options of {@code reelforge clips FILE}, checked before anything starts: a wrong option, a
 * bad number or a missing file is one line and a pointer to the help. Whether the file is a video
 * FFmpeg can read, and the transcript a valid one, is the feature's check (the upload route's),
 * made once the command runs.
 *
 * @param video the long video
 * @param subtitle its SRT or VTT transcript, used instead of speech recognition
 * @param count how many clips at most
 * @param formats render preset ids
 * @param folder where the clips go
 * @param minMillis the shortest clip
 * @param maxMillis the longest clip
 * @param captionStyle the caption look
 * @param quality draft, standard or high
 * @param settings {@code --reelforge.*} settings, passed on to the configuration
 */
record ClipsOptions(
    Path video,
    Optional<Path> subtitle,
    int count,
    List<String> formats,
    Path folder,
    long minMillis,
    long maxMillis,
    String captionStyle,
    String quality,
    List<String> settings) {

  static final int DEFAULT_COUNT = 5;
  static final int MAX_COUNT = 30;
  static final List<String> QUALITIES = List.of("draft", "standard", "high");

  /**
   * @throws IllegalArgumentException with a message for the user
   */
  static ClipsOptions parse(List<String> args) {
    String video = null;
    Optional<Path> subtitle = Optional.empty();
    int count = DEFAULT_COUNT;
    List<String> formats = List.of(RenderPreset.TIKTOK.id());
    Path out = null;
    long minSeconds = HighlightOptions.DEFAULT.minMillis() / 1000;
    long maxSeconds = HighlightOptions.DEFAULT.maxMillis() / 1000;
    String captionStyle = CaptionStyles.NAMES.getFirst();
    String quality = "standard";
    List<String> settings = new ArrayList<>();
    long shortest = ClipLimits.DEFAULT.minClip().toSeconds();
    long longest = ClipLimits.DEFAULT.maxClip().toSeconds();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--srt" -> subtitle = Optional.of(MediaFileCheck.captions(arg, value(args, ++i, arg)));
        case "--count" -> count = (int) whole(arg, value(args, ++i, arg), 1, MAX_COUNT);
        case "--formats" ->
            formats =
                Formats.parse(arg, value(args, ++i, arg)).stream().map(RenderPreset::id).toList();
        case "--out" -> out = Path.of(value(args, ++i, arg));
        case "--min-seconds" -> minSeconds = whole(arg, value(args, ++i, arg), shortest, longest);
        case "--max-seconds" -> maxSeconds = whole(arg, value(args, ++i, arg), shortest, longest);
        case "--caption-style" -> {
          captionStyle = value(args, ++i, arg);
          if (!CaptionStyles.NAMES.contains(captionStyle)) {
            throw new IllegalArgumentException(
                "--caption-style must be one of "
                    + String.join(", ", CaptionStyles.NAMES)
                    + ", was '"
                    + captionStyle
                    + "'");
          }
        }
        case "--quality" -> {
          quality = value(args, ++i, arg).toLowerCase(Locale.ROOT);
          if (!QUALITIES.contains(quality)) {
            throw new IllegalArgumentException(
                "--quality must be draft, standard or high, was '" + args.get(i) + "'");
          }
        }
        default -> {
          if (arg.startsWith("--reelforge.")) {
            settings.add(arg);
          } else if (arg.startsWith("--")) {
            throw new IllegalArgumentException("unexpected option '" + arg + "'");
          } else if (video == null) {
            video = arg;
          } else {
            throw new IllegalArgumentException("give one video: unexpected '" + arg + "'");
          }
        }
      }
    }
    if (video == null) {
      throw new IllegalArgumentException("say which video to cut: clips FILE");
    }
    Path file = Path.of(video);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + video);
    }
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("cannot read " + video);
    }
    if (maxSeconds < minSeconds) {
      throw new IllegalArgumentException(
          "--max-seconds ("
              + maxSeconds
              + ") must not be below --min-seconds ("
              + minSeconds
              + ")");
    }
    Path folder = out != null ? out : Path.of("out", "clips-" + name(file));
    return new ClipsOptions(
        file,
        subtitle,
        count,
        formats,
        folder,
        minSeconds * 1000,
        maxSeconds * 1000,
        captionStyle,
        quality,
        settings);
  }

  /** The video's name as a folder name: {@code My Talk.mp4} → {@code my-talk}. */
  private static String name(Path video) {
    String slug = MakeOptions.slug(video.getFileName().toString().replaceFirst("\\.[^.]+$", ""));
    return slug.isEmpty() ? "video" : slug;
  }

  private static long whole(String option, String value, long min, long max) {
    long number;
    try {
      number = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          option + " must be a whole number from " + min + " to " + max + ", was '" + value + "'");
    }
    if (number < min || number > max) {
      throw new IllegalArgumentException(
          option + " must be from " + min + " to " + max + ", was " + number);
    }
    return number;
  }

  private static String value(List<String> args, int index, String option) {
    if (index >= args.size() || args.get(index).startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(index);
  }
}

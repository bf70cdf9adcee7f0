package dev.reelforge.app.cli;

import dev.reelforge.core.music.Mood;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.script.InputKind;
import dev.reelforge.core.script.StoryLimits;
import dev.reelforge.media.captions.CaptionStyle;
import dev.reelforge.story.StoryInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The options of {@code reelforge make}.
 *
 * @param input what to make, read and checked
 * @param folder where the outputs go: {@code OUT/NAME}
 * @param name the output files' stem
 * @param settings {@code --reelforge.*} settings, passed on to the configuration
 * @param publish whether the finished videos go to the local publish folder ({@code --publish})
 */
record MakeOptions(
    StoryInput input, Path folder, String name, List<String> settings, boolean publish) {

  /**
   * @throws IllegalArgumentException with a message for the user
   */
  static MakeOptions parse(List<String> args) {
    String inputOption = null;
    String inputValue = null;
    List<String> formats = List.of(RenderPreset.TIKTOK.id());
    Optional<String> voice = Optional.empty();
    String captionStyle = "bold-pop";
    String music = "auto";
    String quality = "standard";
    Path out = Path.of("out");
    String name = null;
    boolean publish = false;
    List<String> settings = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--idea", "--text", "--script", "--url" -> {
          if (inputOption != null) {
            throw new IllegalArgumentException(
                "give one input: --idea, --text FILE, --url LINK or --script FILE");
          }
          inputOption = arg;
          inputValue = value(args, ++i, arg);
        }
        case "--formats", "--format" ->
            formats =
                Formats.parse(arg, value(args, ++i, arg)).stream().map(RenderPreset::id).toList();
        case "--voice" -> voice = Optional.of(value(args, ++i, arg));
        case "--caption-style" -> {
          captionStyle = value(args, ++i, arg);
          CaptionStyle.byName(captionStyle);
        }
        case "--music" -> {
          music = value(args, ++i, arg).toLowerCase(Locale.ROOT);
          if (!music.equals("auto") && !music.equals("none")) {
            moodNamed(music);
          }
        }
        case "--quality" -> {
          quality = value(args, ++i, arg);
          QualityTier.byName(quality);
        }
        case "--out" -> out = Path.of(value(args, ++i, arg));
        case "--name" -> name = value(args, ++i, arg);
        case "--publish" -> publish = true;
        default -> {
          if (arg.startsWith("--reelforge.")) {
            settings.add(arg);
          } else {
            throw new IllegalArgumentException("unexpected argument '" + arg + "'");
          }
        }
      }
    }
    if (inputOption == null) {
      throw new IllegalArgumentException(
          "say what to make: --idea \"TEXT\", --text FILE, --url LINK or --script FILE");
    }
    // The input is read and checked once every option is known to be right: a wrong option is
    // reported without a file read or a name looked up.
    String text;
    InputKind kind;
    boolean link = false;
    String defaultName;
    switch (inputOption) {
      case "--idea" -> {
        text = inputValue;
        kind = InputKind.IDEA;
        defaultName = slug(text);
        MakeInputCheck.text("--idea", text, kind);
      }
      case "--text" -> {
        text = MakeInputCheck.file(inputOption, inputValue);
        kind =
            text.length() > StoryLimits.MAX_INPUT_CHARS ? InputKind.ARTICLE : InputKind.PARAGRAPH;
        defaultName = stem(Path.of(inputValue));
        MakeInputCheck.text(inputOption + " " + inputValue, text, kind);
      }
      case "--script" -> {
        text = MakeInputCheck.file(inputOption, inputValue);
        kind = InputKind.MANUAL;
        defaultName = stem(Path.of(inputValue));
        MakeInputCheck.text(inputOption + " " + inputValue, text, kind);
      }
      default -> {
        text = inputValue.strip();
        kind = InputKind.ARTICLE;
        link = true;
        defaultName = linkName(text);
        MakeInputCheck.link(text);
      }
    }
    if (name == null) {
      name = defaultName.isEmpty() ? "story" : defaultName;
    } else if (!name.matches("[A-Za-z0-9._-]{1,80}")) {
      throw new IllegalArgumentException(
          "--name may use letters, digits, '.', '_' and '-' (at most 80)");
    }
    StoryInput input =
        new StoryInput(text, kind, formats, voice, captionStyle, music, quality, link);
    return new MakeOptions(input, out.resolve(name), name, settings, publish);
  }

  /** A file name from a link: its last path segment, or its host. */
  static String linkName(String url) {
    try {
      java.net.URI uri = new java.net.URI(url);
      String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
      String last = path.substring(path.lastIndexOf('/') + 1).replaceAll("\\.[A-Za-z0-9]+$", "");
      String host = uri.getHost() == null ? "" : uri.getHost();
      return slug(last.isEmpty() ? host : last);
    } catch (java.net.URISyntaxException e) {
      // The ingest stage reports the bad link; the name only needs to be a valid file name.
      return slug(url);
    }
  }

  private static void moodNamed(String music) {
    try {
      Mood.valueOf(music.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--music must be auto, none or a mood: "
              + String.join(
                  ", ",
                  Arrays.stream(Mood.values())
                      .map(m -> m.name().toLowerCase(Locale.ROOT))
                      .toList()));
    }
  }

  private static String stem(Path file) {
    return slug(file.getFileName().toString().replaceFirst("\\.[^.]+$", ""));
  }

  /** A file-name-safe stem from the first words. */
  static String slug(String text) {
    String slug =
        text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 40) {
      slug = slug.substring(0, 40).replaceAll("-[^-]*$", "");
    }
    return slug;
  }

  private static String value(List<String> args, int index, String option) {
    if (index >= args.size() || args.get(index).startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(index);
  }
}

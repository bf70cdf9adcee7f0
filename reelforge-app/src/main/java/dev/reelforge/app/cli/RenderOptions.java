package dev.reelforge.app.cli;

import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.render.RenderPreset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code reelforge render TIMELINE.json}.
 *
 * @param timeline the timeline JSON file
 * @param presets the outputs to render
 * @param quality the quality tier
 * @param outputDir where results go (default {@code ./out})
 * @param mediaRoot where relative media paths are resolved (default: the timeline's folder)
 * @param name the output file stem (default: the timeline file's name)
 * @param estimateOnly print the estimate and stop
 * @param settings {@code --reelforge.*} settings, passed on to the configuration
 */
record RenderOptions(
    Path timeline,
    List<RenderPreset> presets,
    QualityTier quality,
    Path outputDir,
    Path mediaRoot,
    String name,
    boolean estimateOnly,
    List<String> settings) {

  /**
   * @throws IllegalArgumentException with a message for the user
   */
  static RenderOptions parse(List<String> args) {
    Path timeline = null;
    List<RenderPreset> presets = List.of(RenderPreset.TIKTOK);
    QualityTier quality = QualityTier.STANDARD;
    Path out = Path.of("out");
    Path media = null;
    String name = null;
    boolean estimateOnly = false;
    List<String> settings = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        // --preset is the option's older name.
        case "--formats", "--format", "--preset", "--presets" ->
            presets = Formats.parse(arg, value(args, ++i, arg));
        case "--quality" -> quality = QualityTier.byName(value(args, ++i, arg));
        case "--out" -> out = Path.of(value(args, ++i, arg));
        case "--media" -> media = Path.of(value(args, ++i, arg));
        case "--name" -> name = value(args, ++i, arg);
        case "--estimate" -> estimateOnly = true;
        default -> {
          if (arg.startsWith("--reelforge.")) {
            settings.add(arg);
          } else if (arg.startsWith("--") || timeline != null) {
            throw new IllegalArgumentException("unexpected argument '" + arg + "'");
          } else {
            timeline = Path.of(arg);
          }
        }
      }
    }
    if (timeline == null) {
      throw new IllegalArgumentException("name the timeline JSON file to render");
    }
    if (!Files.isRegularFile(timeline)) {
      throw new IllegalArgumentException(
          "no timeline file at " + timeline + (Files.isDirectory(timeline) ? " (a folder)" : ""));
    }
    Path absolute = timeline.toAbsolutePath();
    if (media == null) {
      media = absolute.getParent();
    }
    if (name == null) {
      name =
          absolute
              .getFileName()
              .toString()
              .replaceFirst("\\.json$", "")
              .replaceAll("[^A-Za-z0-9._-]", "-");
    }
    return new RenderOptions(timeline, presets, quality, out, media, name, estimateOnly, settings);
  }

  private static String value(List<String> args, int index, String option) {
    if (index >= args.size() || args.get(index).startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(index);
  }
}

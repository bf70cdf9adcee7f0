package dev.reelforge.app.cli;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.mediagen.ImageJobInput;
import dev.reelforge.mediagen.VideoOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The options of {@code reelforge generate image|video}, checked before anything starts: a wrong
 * option, a bad number or an unusable picture is one line and a pointer to the help.
 *
 * @param kind {@code image} or {@code video}
 * @param image the image job, for {@code image}
 * @param video the video job, for {@code video}
 * @param folder where the output and its thumbnail go
 * @param name the output files' stem
 * @param seed the seed in use (given, or drawn and printed so that the output can be made again)
 * @param settings {@code --reelforge.*} settings, passed on to the configuration
 */
record GenerateOptions(
    String kind,
    Optional<ImageJobInput> image,
    Optional<VideoOrder> video,
    Path folder,
    String name,
    long seed,
    List<String> settings) {

  static final String IMAGE = "image";
  static final String VIDEO = "video";

  /**
   * @throws IllegalArgumentException with a message for the user
   */
  static GenerateOptions parse(List<String> args) {
    if (args.isEmpty() || args.getFirst().startsWith("--")) {
      throw new IllegalArgumentException("say what to generate: generate image or generate video");
    }
    String kind = args.getFirst();
    if (!kind.equals(IMAGE) && !kind.equals(VIDEO)) {
      throw new IllegalArgumentException("generate makes an image or a video, not '" + kind + "'");
    }
    String prompt = null;
    String aspect = null;
    String quality = "standard";
    Long seed = null;
    Path out = Path.of("out");
    String name = null;
    Path startImage = null;
    Path endImage = null;
    int duration = 5;
    int fps = 24;
    String resolution = "720p";
    String engine = null;
    List<String> settings = new ArrayList<>();
    boolean video = kind.equals(VIDEO);
    for (int i = 1; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--out" -> out = Path.of(value(args, ++i, arg));
        case "--name" -> name = value(args, ++i, arg);
        case "--aspect" -> aspect = value(args, ++i, arg);
        case "--seed" -> seed = number(arg, value(args, ++i, arg));
        case "--quality" -> quality = imageOnly(video, arg, value(args, ++i, arg));
        case "--image" -> startImage = Path.of(videoOnly(video, arg, value(args, ++i, arg)));
        case "--end-image" -> endImage = Path.of(videoOnly(video, arg, value(args, ++i, arg)));
        case "--duration" ->
            duration = (int) whole(arg, videoOnly(video, arg, value(args, ++i, arg)), 1, 10);
        case "--fps" ->
            fps = (int) whole(arg, videoOnly(video, arg, value(args, ++i, arg)), 12, 60);
        case "--resolution" -> resolution = videoOnly(video, arg, value(args, ++i, arg));
        case "--engine" -> engine = videoOnly(video, arg, value(args, ++i, arg));
        default -> {
          if (arg.startsWith("--reelforge.")) {
            settings.add(arg);
          } else if (arg.startsWith("--")) {
            throw new IllegalArgumentException("unexpected option '" + arg + "'");
          } else if (prompt == null) {
            prompt = arg;
          } else {
            throw new IllegalArgumentException(
                "give the prompt once, in quotes: unexpected '" + arg + "'");
          }
        }
      }
    }
    if (prompt == null && !(video && startImage != null)) {
      throw new IllegalArgumentException(
          video
              ? "say what happens in the clip: generate video [--image FILE] \"PROMPT\""
              : "say what the picture shows: generate image \"PROMPT\"");
    }
    if (name != null && !name.matches("[A-Za-z0-9._-]{1,80}")) {
      throw new IllegalArgumentException(
          "--name may use letters, digits, '.', '_' and '-' (at most 80)");
    }
    long seedInUse = seed != null ? seed : ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
    String text = prompt == null ? "" : prompt;
    String stem = name != null ? name : stem(text, startImage, kind);
    try {
      if (!video) {
        ImageJobInput image = new ImageJobInput(text, "", aspect, seedInUse, quality);
        return new GenerateOptions(
            kind, Optional.of(image), Optional.empty(), out, stem, seedInUse, settings);
      }
      // The files are checked once every option is known to be right.
      if (startImage != null) {
        GenerateInputCheck.picture("--image", startImage);
      }
      if (endImage != null) {
        if (startImage == null) {
          throw new IllegalArgumentException("--end-image needs --image (the first frame)");
        }
        GenerateInputCheck.picture("--end-image", endImage);
      }
      VideoOrder order =
          new VideoOrder(
              text,
              Optional.ofNullable(startImage),
              Optional.ofNullable(endImage),
              duration,
              fps,
              resolution,
              aspect == null ? "16:9" : aspect,
              seedInUse,
              engine);
      return new GenerateOptions(
          kind, Optional.empty(), Optional.of(order), out, stem, seedInUse, settings);
    } catch (ReelForgeException e) {
      throw new IllegalArgumentException(optionFor(e));
    }
  }

  /** A refusal of the job's own checks, told with the option the user typed. */
  private static String optionFor(ReelForgeException e) {
    if (e.violations().isEmpty()) {
      return e.getMessage();
    }
    String field = e.violations().getFirst().field();
    String option =
        switch (field) {
          case "prompt", "video_prompt" -> "the prompt";
          case "aspect_ratio" -> "--aspect";
          case "end_image_url" -> "--end-image";
          case "duration_s" -> "--duration";
          default -> "--" + field;
        };
    return option + " " + e.violations().getFirst().message();
  }

  private static String stem(String prompt, Path startImage, String kind) {
    String slug = MakeOptions.slug(prompt);
    if (slug.isEmpty() && startImage != null && startImage.getFileName() != null) {
      slug = MakeOptions.slug(startImage.getFileName().toString().replaceFirst("\\.[^.]+$", ""));
    }
    return slug.isEmpty() ? kind : slug;
  }

  private static String imageOnly(boolean video, String option, String value) {
    if (video) {
      throw new IllegalArgumentException(option + " is an option of generate image");
    }
    return value;
  }

  private static String videoOnly(boolean video, String option, String value) {
    if (!video) {
      throw new IllegalArgumentException(option + " is an option of generate video");
    }
    return value;
  }

  private static long number(String option, String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number, was '" + value + "'");
    }
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

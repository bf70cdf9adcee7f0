package dev.reelforge.app.cli;

import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.PostMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The options of {@code reelforge publish}: one video and what goes with it, to the local publish
 * folder. The other platforms need a connected account and the job engine's retries and quota
 * calendars, so they are the server's ({@code POST /api/publications}).
 *
 * @param video the MP4
 * @param thumbnail a JPEG or PNG shown with it
 * @param captions SRT/VTT files
 * @param metadata the copy as typed, checked against the local folder's limits
 * @param privacy public, unlisted or private (written to the post's metadata.json)
 * @param settings {@code --reelforge.*} settings ({@code --folder} is one of them)
 */
record PublishOptions(
    Path video,
    Optional<Path> thumbnail,
    List<Path> captions,
    PostMetadata metadata,
    String privacy,
    List<String> settings) {

  static final Set<String> PRIVACY = Set.of("public", "unlisted", "private");

  /**
   * @throws IllegalArgumentException with a message for the user
   */
  static PublishOptions parse(List<String> args) {
    String video = null;
    String thumbnail = null;
    List<String> captions = new ArrayList<>();
    String title = null;
    String description = "";
    List<String> hashtags = List.of();
    String privacy = "public";
    List<String> settings = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--thumbnail" -> thumbnail = value(args, ++i, arg);
        case "--captions" -> captions.add(value(args, ++i, arg));
        case "--title" -> title = value(args, ++i, arg);
        case "--description" -> description = value(args, ++i, arg);
        case "--hashtags" -> hashtags = Arrays.asList(value(args, ++i, arg).split(","));
        case "--to" -> to(value(args, ++i, arg));
        case "--folder" -> settings.add("--reelforge.publish.folder=" + value(args, ++i, arg));
        case "--privacy" -> {
          privacy = value(args, ++i, arg).strip().toLowerCase(Locale.ROOT);
          if (!PRIVACY.contains(privacy)) {
            throw new IllegalArgumentException("--privacy must be public, unlisted or private");
          }
        }
        default -> {
          if (arg.startsWith("--reelforge.")) {
            settings.add(arg);
          } else if (arg.startsWith("--")) {
            throw new IllegalArgumentException("unexpected argument '" + arg + "'");
          } else if (video != null) {
            throw new IllegalArgumentException("give one video (a second: '" + arg + "')");
          } else {
            video = arg;
          }
        }
      }
    }
    if (video == null) {
      throw new IllegalArgumentException("say which video to publish: reelforge publish VIDEO.mp4");
    }
    // The files are read once every option is known to be right.
    Path videoFile = MediaFileCheck.mp4("", video);
    Optional<Path> thumbnailFile =
        Optional.ofNullable(thumbnail).map(t -> MediaFileCheck.picture("--thumbnail", t));
    List<Path> captionFiles =
        captions.stream().map(c -> MediaFileCheck.captions("--captions", c)).toList();
    PostMetadata metadata =
        new PostMetadata(title == null ? titleFrom(videoFile) : title, description, hashtags, "");
    for (FieldViolation violation : metadata.violations(Platform.LOCAL, "")) {
      String field = violation.field().substring(violation.field().lastIndexOf('.') + 1);
      throw new IllegalArgumentException("--" + field + ": " + violation.message());
    }
    return new PublishOptions(
        videoFile, thumbnailFile, captionFiles, metadata, privacy, List.copyOf(settings));
  }

  /** Only the local folder is published to from the command line; the others name the route. */
  private static void to(String key) {
    Platform platform;
    try {
      platform = Platform.of(key, "--to");
    } catch (ReelForgeException e) {
      throw new IllegalArgumentException("--to: " + e.violations().getFirst().message());
    }
    if (platform != Platform.LOCAL) {
      throw new IllegalArgumentException(
          "--to "
              + platform.key()
              + ": publishing there needs the server and a connected account; run reelforge"
              + " serve, connect the account and use POST /api/publications (docs/publishing.md)");
    }
  }

  /** {@code honey-never-spoils-tiktok.mp4} reads as {@code honey never spoils tiktok}. */
  static String titleFrom(Path video) {
    String stem = video.getFileName().toString().replaceFirst("\\.[^.]+$", "");
    String title = stem.replaceAll("[-_.]+", " ").strip();
    return title.isEmpty() ? "video" : title;
  }

  private static String value(List<String> args, int index, String option) {
    if (index >= args.size() || args.get(index).startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(index);
  }
}

package dev.reelforge.app.cli;

import dev.reelforge.brand.ProductionEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options of {@code reelforge brand IMAGE}, checked before anything starts: a wrong option or a
 * file that is not a JPEG, PNG or WebP picture is one line and a pointer to the help. The picture's
 * full checks (size, decoding) are the API's, made once the command runs.
 *
 * @param image the brand picture
 * @param mimeType its type by its first bytes
 * @param folder where the previews and finished videos go
 * @param engine the production engine asked for; empty: routed by the scores
 * @param stylePreset a style preset's id; empty for none
 * @param autoApprove approve every scene and production, and write the finished videos
 * @param settings {@code --reelforge.*} settings, passed on to the configuration
 */
record BrandOptions(
    Path image,
    String mimeType,
    Path folder,
    Optional<ProductionEngine> engine,
    Optional<String> stylePreset,
    boolean autoApprove,
    List<String> settings) {

  /**
   * @throws IllegalArgumentException with a message for the user
   */
  static BrandOptions parse(List<String> args) {
    Path image = null;
    Path out = Path.of("out");
    Optional<ProductionEngine> engine = Optional.empty();
    Optional<String> style = Optional.empty();
    boolean autoApprove = false;
    List<String> settings = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--out" -> out = Path.of(value(args, ++i, arg));
        case "--engine" -> engine = Optional.of(engine(value(args, ++i, arg)));
        case "--style" -> style = Optional.of(value(args, ++i, arg));
        case "--auto-approve" -> autoApprove = true;
        default -> {
          if (arg.startsWith("--reelforge.")) {
            settings.add(arg);
          } else if (arg.startsWith("--")) {
            throw new IllegalArgumentException("unexpected option '" + arg + "'");
          } else if (image == null) {
            image = Path.of(arg);
          } else {
            throw new IllegalArgumentException("give one picture: unexpected '" + arg + "'");
          }
        }
      }
    }
    if (image == null) {
      throw new IllegalArgumentException(
          "name the brand picture: brand IMAGE (a JPEG, PNG or WebP logo or product photo)");
    }
    return new BrandOptions(
        image, mimeType(image), out, engine, style, autoApprove, List.copyOf(settings));
  }

  private static ProductionEngine engine(String value) {
    try {
      return ProductionEngine.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--engine must be KLING, LUMA or GEMINI_PRO, was '" + value + "'");
    }
  }

  /** The picture's type by its first bytes, as the upload route checks it. */
  private static String mimeType(Path image) {
    String where = image + ": ";
    if (Files.isDirectory(image)) {
      throw new IllegalArgumentException(where + "is a folder, not a picture");
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(image)) {
      head = in.readNBytes(12);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(where + "no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException(where + "cannot be read (" + e.getMessage() + ")");
    }
    if (head.length >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N') {
      return "image/png";
    }
    if (head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8) {
      return "image/jpeg";
    }
    if (head.length >= 12
        && new String(head, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
        && new String(head, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
      return "image/webp";
    }
    throw new IllegalArgumentException(where + "is not a JPEG, PNG or WebP picture");
  }

  private static String value(List<String> args, int index, String option) {
    if (index >= args.size() || args.get(index).startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(index);
  }
}

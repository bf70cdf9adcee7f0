package dev.reelforge.app.brand;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.process.ExternalCommand;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes an uploaded picture with FFmpeg, in a process of its own under a time limit: ffprobe
 * reads its size (refusing more than {@link #MAX_PIXELS} before anything is decoded in full), then
 * FFmpeg decodes it and writes it as a PNG no longer than the long side given. Each is told the
 * exact demuxer of the type the bytes were checked to be, so FFmpeg never guesses a format.
 */
final class PictureDecoder {

  /** The most pixels decoded (an 8660×5773 picture); FFmpeg's decoders refuse more unread. */
  static final long MAX_PIXELS = 50_000_000L;

  /** The longest side accepted. */
  static final int MAX_SIDE = 16_384;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What ffprobe found. */
  record Probe(int width, int height, String pixelFormat) {

    /** Whether the pixels carry transparency (a logo cut out of its background). */
    boolean hasAlpha() {
      String f = pixelFormat;
      return f.startsWith("yuva")
          || f.startsWith("ya")
          || f.startsWith("gbrap")
          || f.contains("rgba")
          || f.contains("bgra")
          || f.contains("argb")
          || f.contains("abgr")
          || f.equals("pal8");
    }
  }

  private final Supplier<FfmpegInstallation> ffmpeg;
  private final Duration timeout;

  PictureDecoder(Supplier<FfmpegInstallation> ffmpeg, Duration timeout) {
    this.ffmpeg = ffmpeg;
    this.timeout = timeout;
  }

  /**
   * The picture's size, read by decoding its header (and for some types its first frame).
   *
   * @throws ReelForgeException INVALID_INPUT on {@code field} when FFmpeg cannot read it as {@code
   *     type}, reads no size, finds it larger than {@link #MAX_PIXELS}, or takes too long
   */
  Probe probe(Path picture, PictureType type, String field) {
    Path report = temp(picture.getParent(), ".probe-", ".json");
    try {
      ExternalCommand.Result result =
          run(
              () ->
                  ffmpeg
                      .get()
                      .ffprobe(
                          List.of(
                              "-v",
                              "error",
                              "-max_pixels",
                              String.valueOf(MAX_PIXELS),
                              "-f",
                              type.demuxer(),
                              "-show_entries",
                              "stream=codec_type,codec_name,width,height,pix_fmt",
                              "-of",
                              "json",
                              "-o",
                              report.toString(),
                              picture.toString()),
                          timeout),
              field);
      JsonNode stream = firstStream(report);
      int width = stream.path("width").asInt(0);
      int height = stream.path("height").asInt(0);
      String pixelFormat = stream.path("pix_fmt").asString("");
      if (tooManyPixels(result.output())) {
        throw refusal(field, "holds more than " + MAX_PIXELS + " pixels");
      }
      if (!result.succeeded()
          || !stream.path("codec_name").asString("").equals(type.codec())
          || width <= 0
          || height <= 0
          || pixelFormat.isEmpty()) {
        throw refusal(field, "is not a " + type.name() + " picture that can be decoded");
      }
      return new Probe(width, height, pixelFormat);
    } finally {
      deleteQuietly(report);
    }
  }

  /**
   * Decodes {@code picture} and writes it to {@code target} as a PNG of {@code width}×{@code
   * height} (Lanczos when it is scaled), RGBA when the picture has transparency, else RGB.
   *
   * @throws ReelForgeException INVALID_INPUT on {@code field} when the picture cannot be decoded in
   *     full within the time limit
   */
  void writePng(
      Path picture,
      PictureType type,
      Probe probe,
      int width,
      int height,
      Path target,
      String field) {
    Path partial = temp(target.getParent(), ".normalised-", ".png");
    try {
      List<String> arguments = new ArrayList<>();
      arguments.addAll(
          List.of(
              "-v",
              "error",
              "-xerror",
              "-max_pixels",
              String.valueOf(MAX_PIXELS),
              "-f",
              type.demuxer(),
              "-i",
              picture.toString(),
              "-frames:v",
              "1"));
      if (width != probe.width() || height != probe.height()) {
        arguments.addAll(List.of("-vf", "scale=" + width + ":" + height + ":flags=lanczos"));
      }
      arguments.addAll(
          List.of(
              "-pix_fmt",
              probe.hasAlpha() ? "rgba" : "rgb24",
              "-c:v",
              "png",
              "-f",
              "image2",
              "-update",
              "1",
              "-y",
              partial.toString()));
      ExternalCommand.Result result = run(() -> ffmpeg.get().ffmpeg(arguments, timeout), field);
      if (!result.succeeded() || !pngOfSize(partial, width, height)) {
        throw refusal(field, "is not a " + type.name() + " picture that can be decoded in full");
      }
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(partial);
    }
  }

  private ExternalCommand.Result run(Supplier<ExternalCommand> command, String field) {
    long started = System.nanoTime();
    try {
      return command.get().run();
    } catch (ExternalCommand.ExternalCommandException e) {
      // A program that ran out its time was held up by the picture; one that could not start is
      // our fault and stays an internal error.
      if (Duration.ofNanos(System.nanoTime() - started).compareTo(timeout) >= 0) {
        throw refusal(field, "could not be decoded within " + timeout.toMillis() + " ms");
      }
      throw new ReelForgeException(ErrorCode.INTERNAL_ERROR, e.getMessage(), e);
    }
  }

  private static JsonNode firstStream(Path report) {
    try {
      String text = Files.readString(report);
      if (text.isBlank()) {
        return JSON.createObjectNode();
      }
      JsonNode streams = JSON.readTree(text).path("streams");
      return streams.isArray() && !streams.isEmpty() ? streams.get(0) : JSON.createObjectNode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      // Half-written JSON from a probe that died: nothing was read.
      return JSON.createObjectNode();
    }
  }

  private static boolean tooManyPixels(String log) {
    return log.contains("exceeds specified max pixel count");
  }

  /** Whether {@code file} is a PNG whose header says {@code width}×{@code height}. */
  private static boolean pngOfSize(Path file, int width, int height) throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) < 24) {
      return false;
    }
    byte[] head = new byte[24];
    try (var in = Files.newInputStream(file)) {
      if (in.readNBytes(head, 0, head.length) < head.length) {
        return false;
      }
    }
    ByteBuffer ihdr = ByteBuffer.wrap(head);
    return PictureType.ofContent(head).filter(t -> t == PictureType.PNG).isPresent()
        && ihdr.getInt(16) == width
        && ihdr.getInt(20) == height;
  }

  private static Path temp(Path folder, String prefix, String suffix) {
    try {
      return Files.createTempFile(folder, prefix, suffix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A scratch file left behind costs a few bytes; the answer does not depend on it.
    }
  }

  static ReelForgeException refusal(String field, String message) {
    return ReelForgeException.invalidField(field, message);
  }
}

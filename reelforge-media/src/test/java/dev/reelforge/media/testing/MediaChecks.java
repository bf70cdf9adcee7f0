package dev.reelforge.media.testing;

import dev.reelforge.core.process.ExternalCommand;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/** Measurements on rendered media, taken with FFmpeg itself. */
public final class MediaChecks {

  private static final Duration LIMIT = Duration.ofMinutes(2);

  private MediaChecks() {}

  /** Integrated loudness (EBU R128) in LUFS. */
  public static double integratedLoudness(FfmpegInstallation ffmpeg, Path media) {
    String log = run(ffmpeg, List.of("-i", media.toString(), "-af", "ebur128", "-f", "null", "-"));
    Matcher m = Pattern.compile("I:\\s+(-?[0-9.]+) LUFS").matcher(log);
    Double last = null;
    while (m.find()) {
      last = Double.parseDouble(m.group(1));
    }
    if (last == null) {
      throw new AssertionError("no loudness summary in: " + log);
    }
    return last;
  }

  /** Mean level in dB of a frequency band between two times. */
  public static double bandLevel(
      FfmpegInstallation ffmpeg, Path media, double hz, double from, double to) {
    String log =
        run(
            ffmpeg,
            List.of(
                "-ss",
                fmt(from),
                "-t",
                fmt(to - from),
                "-i",
                media.toString(),
                "-af",
                "bandpass=f="
                    + hz
                    + ":width_type=h:w=30,bandpass=f="
                    + hz
                    + ":width_type=h:w=30,volumedetect",
                "-f",
                "null",
                "-"));
    Matcher m = Pattern.compile("mean_volume: (-?[0-9.]+) dB").matcher(log);
    if (!m.find()) {
      throw new AssertionError("no volume in: " + log);
    }
    return Double.parseDouble(m.group(1));
  }

  /** The frame shown at {@code frame} (0-based) of a video. */
  public static BufferedImage frame(FfmpegInstallation ffmpeg, Path video, int frame, int fps)
      throws IOException {
    Path png = Files.createTempFile("frame-", ".png");
    try {
      run(
          ffmpeg,
          List.of(
              "-y",
              "-ss",
              fmt((frame + 0.5) / fps),
              "-i",
              video.toString(),
              "-frames:v",
              "1",
              png.toString()));
      return ImageIO.read(png.toFile());
    } finally {
      Files.deleteIfExists(png);
    }
  }

  /**
   * The brightness of a horizontal strip of every frame ({@code height} rows from {@code y}),
   * averaged over the rows: one array of {@code width} values per frame.
   */
  public static List<double[]> stripLuma(
      FfmpegInstallation ffmpeg, Path video, int width, int y, int height) throws IOException {
    Path raw = Files.createTempFile("strip-", ".gray");
    try {
      run(
          ffmpeg,
          List.of(
              "-y",
              "-i",
              video.toString(),
              "-vf",
              "crop=" + width + ":" + height + ":0:" + y + ",format=gray",
              "-f",
              "rawvideo",
              raw.toString()));
      byte[] bytes = Files.readAllBytes(raw);
      int frameSize = width * height;
      List<double[]> frames = new java.util.ArrayList<>();
      for (int offset = 0; offset + frameSize <= bytes.length; offset += frameSize) {
        double[] columns = new double[width];
        for (int row = 0; row < height; row++) {
          for (int x = 0; x < width; x++) {
            columns[x] += (bytes[offset + row * width + x] & 0xff) / (double) height;
          }
        }
        frames.add(columns);
      }
      return frames;
    } finally {
      Files.deleteIfExists(raw);
    }
  }

  /** Generates a test video with FFmpeg's {@code testsrc2} pattern. */
  public static Path testVideo(
      FfmpegInstallation ffmpeg, Path file, int width, int height, double seconds) {
    run(
        ffmpeg,
        List.of(
            "-y",
            "-f",
            "lavfi",
            "-i",
            "testsrc2=s=" + width + "x" + height + ":r=30:d=" + fmt(seconds),
            "-pix_fmt",
            "yuv420p",
            "-c:v",
            "mpeg4",
            "-q:v",
            "4",
            file.toString()));
    return file;
  }

  public static double meanLuma(BufferedImage image) {
    double sum = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y);
        sum += 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
      }
    }
    return sum / ((image.getHeight() + 1) / 2 * ((image.getWidth() + 1) / 2));
  }

  /** Largest difference of any channel between two pixels. */
  public static int difference(int a, int b) {
    int d = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
      d = Math.max(d, Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)));
    }
    return d;
  }

  private static String run(FfmpegInstallation ffmpeg, List<String> args) {
    ExternalCommand.Result result = ffmpeg.ffmpeg(prepend(args), LIMIT).run();
    if (!result.succeeded()) {
      throw new AssertionError("ffmpeg failed: " + result.tail(5));
    }
    return result.output();
  }

  private static List<String> prepend(List<String> args) {
    List<String> all = new java.util.ArrayList<>(List.of("-hide_banner", "-nostdin"));
    all.addAll(args);
    return all;
  }

  private static String fmt(double seconds) {
    return String.format(Locale.ROOT, "%.4f", seconds);
  }
}

package dev.reelforge.media.ffmpeg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bytedeco.javacpp.Loader;

/**
 * The FFmpeg builds shipped inside ReelForge, so that a machine with only a JDK can render.
 *
 * <ol>
 *   <li>{@code org.bytedeco:ffmpeg} (FFmpeg 8, GPL build with x264, with ffprobe). Its shared
 *       libraries need a few system libraries (PulseAudio's {@code libpulse.so.0}) that minimal
 *       servers lack.
 *   <li>When that build cannot load, a statically linked FFmpeg 4.4 from {@code
 *       ws.schild:jave-nativebin-linux64}: it runs anywhere on x86-64 Linux but has no ffprobe.
 * </ol>
 */
public final class BundledFfmpeg {

  private static final String PLATFORM_EXTENSION = "org.bytedeco.javacpp.platform.extension";
  private static final String STATIC_RESOURCE = "ws/schild/jave/nativebin/ffmpeg-amd64";

  private BundledFfmpeg() {}

  /** The best bundled build that runs here. */
  public static FfmpegInstallation locate() {
    try {
      return bytedeco();
    } catch (FfmpegNotUsableException e) {
      try {
        return staticBuild();
      } catch (FfmpegNotUsableException second) {
        throw new FfmpegNotUsableException(
            "no bundled FFmpeg runs here (" + e.getMessage() + "; " + second.getMessage() + ")");
      }
    }
  }

  /** The {@code org.bytedeco} build, extracted to JavaCPP's cache on first use. */
  public static FfmpegInstallation bytedeco() {
    // ReelForge ships the GPL build (it has libx264); JavaCPP finds its files under the
    // "linux-x86_64-gpl" platform folder only when told about the extension.
    if (System.getProperty(PLATFORM_EXTENSION) == null) {
      System.setProperty(PLATFORM_EXTENSION, "-gpl");
    }
    Path ffmpeg;
    Path ffprobe;
    try {
      ffmpeg = Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
      ffprobe = Path.of(Loader.load(org.bytedeco.ffmpeg.ffprobe.class));
    } catch (RuntimeException | LinkageError e) {
      // The first failed load throws UnsatisfiedLinkError; JavaCPP's classes then stay
      // uninitialised, so every later attempt in this JVM throws NoClassDefFoundError or
      // ExceptionInInitializerError instead. All of them mean the same: fall back.
      throw new FfmpegNotUsableException(
          "the bundled FFmpeg 8 cannot load on "
              + Loader.getPlatform()
              + " ("
              + rootMessage(e)
              + "); installing libpulse0 fixes this on Debian and Ubuntu");
    }
    Map<String, String> environment = Map.of("LD_LIBRARY_PATH", ffmpeg.getParent().toString());
    return FfmpegProbe.probe(
        ffmpeg,
        Optional.of(ffprobe),
        FfmpegInstallation.Source.BUNDLED,
        "bundled (org.bytedeco, GPL)",
        environment);
  }

  /** The statically linked build, copied to the temporary folder on first use. */
  public static FfmpegInstallation staticBuild() {
    if (!"amd64".equals(System.getProperty("os.arch"))) {
      throw new FfmpegNotUsableException("the static FFmpeg is for x86-64 Linux only");
    }
    Path ffmpeg = extractStatic();
    return FfmpegProbe.probe(
        ffmpeg,
        Optional.empty(),
        FfmpegInstallation.Source.BUNDLED,
        "bundled static build (no ffprobe)",
        Map.of());
  }

  private static Path extractStatic() {
    try (InputStream in =
        BundledFfmpeg.class.getClassLoader().getResourceAsStream(STATIC_RESOURCE)) {
      if (in == null) {
        throw new FfmpegNotUsableException("the static FFmpeg is not on the class path");
      }
      Path target =
          Path.of(System.getProperty("java.io.tmpdir"), "reelforge-ffmpeg-static-4.4.1", "ffmpeg");
      if (Files.isExecutable(target)) {
        return target;
      }
      Files.createDirectories(target.getParent());
      Path staging = target.resolveSibling("ffmpeg-" + UUID.randomUUID());
      Files.copy(in, staging);
      Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.move(
          staging, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract the static FFmpeg: " + e.getMessage(), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.toString() : root.getMessage();
    int colon = message.lastIndexOf(": ");
    return colon >= 0 && message.contains("cannot open shared object")
        ? message.substring(message.lastIndexOf('/') + 1)
        : message;
  }
}

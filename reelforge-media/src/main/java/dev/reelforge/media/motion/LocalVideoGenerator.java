package dev.reelforge.media.motion;

import dev.reelforge.core.imagegen.ImageRequest;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.render.Cancellation;
import dev.reelforge.core.render.QualityTier;
import dev.reelforge.core.videogen.GeneratedVideo;
import dev.reelforge.core.videogen.PendingVideo;
import dev.reelforge.core.videogen.VideoGenerator;
import dev.reelforge.core.videogen.VideoProgress;
import dev.reelforge.core.videogen.VideoRequest;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.media.ffmpeg.FfmpegRun;
import dev.reelforge.media.frames.Pictures;
import dev.reelforge.media.procedural.ProceduralImages;
import dev.reelforge.media.render.EncoderSettings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The offline video engine: no video model can be had offline, so a clip is a real camera move over
 * a still — push-in, pull-out, pan left or right, or an orbit-like parallax in which the picture's
 * estimated subject moves against its background ({@link CameraMotion}, {@link SubjectMask}) — and,
 * with an end frame, a dissolve into it during the move. Without a start image it animates a
 * procedural picture of the prompt ({@link ProceduralImages}). The model name says which: {@code
 * local/orbit+morph}.
 *
 * <p>Frames are drawn in Java from YUV planes (the render engine's Ken Burns machinery, {@code
 * media.frames}) and piped raw to FFmpeg, which encodes H.264 High, yuv420p, MP4 with the index
 * first (faststart) and no audio; exactly {@code duration × fps} frames. The same request and seed
 * make the same frames, and the file is named by a hash of the request, so a repeated request (a
 * retried job) finds its clip instead of making it again.
 *
 * <p>It works in-process: {@link #submit} answers {@link VideoProgress.Done}, and there is never a
 * pending job to poll.
 */
public final class LocalVideoGenerator implements VideoGenerator {

  public static final String NAME = "local";

  /** Part of every clip's file-name hash: changing how frames are made must not reuse old clips. */
  static final String ENGINE_VERSION = "local-motion-1";

  /** The longest one clip may take before FFmpeg is stopped. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  /** {@link ProceduralImages} draws pictures of 256 to 2048 pixels a side. */
  private static final int PROCEDURAL_MIN = 256;

  private static final int PROCEDURAL_MAX = 2048;

  private final Supplier<FfmpegInstallation> ffmpeg;
  private final Duration timeout;

  /**
   * @param ffmpeg the FFmpeg to encode with, located on first use (as the render engine's is)
   */
  public LocalVideoGenerator(Supplier<FfmpegInstallation> ffmpeg) {
    this(ffmpeg, DEFAULT_TIMEOUT);
  }

  public LocalVideoGenerator(Supplier<FfmpegInstallation> ffmpeg, Duration timeout) {
    this.ffmpeg = Objects.requireNonNull(ffmpeg, "ffmpeg");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public VideoProgress submit(VideoRequest request, Path directory) {
    CameraMotion motion = CameraMotion.choose(request.prompt(), request.seed());
    Path file = directory.resolve(NAME + "-" + RequestKey.of(request, ENGINE_VERSION) + ".mp4");
    if (!Files.isRegularFile(file)) {
      make(request, motion, file);
    }
    return new VideoProgress.Done(
        new GeneratedVideo(
            file,
            request.width(),
            request.height(),
            request.durationSeconds(),
            model(request, motion),
            MediaLicence.generated(NAME)));
  }

  /**
   * @throws IllegalArgumentException always: this engine finishes every clip in {@link #submit}
   */
  @Override
  public VideoProgress poll(PendingVideo pending, Path directory) {
    throw new IllegalArgumentException(
        "the local video engine finishes clips in submit and never has a pending job; job "
            + pending.externalId()
            + " of engine '"
            + pending.engine()
            + "' was not made here");
  }

  /** Nothing to stop: a local clip is finished before anyone could cancel it. */
  @Override
  public void cancel(PendingVideo pending) {}

  /** {@code local/push-in}, {@code local/orbit+morph}, {@code local/pan-left+procedural}. */
  static String model(VideoRequest request, CameraMotion motion) {
    String model = NAME + "/" + motion.label();
    if (request.startImage().isEmpty()) {
      model += "+procedural";
    }
    if (request.endImage().isPresent()) {
      model += "+morph";
    }
    return model;
  }

  private void make(VideoRequest request, CameraMotion motion, Path file) {
    Path work;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      // Scratch files beside the clip: same file system, so the finished clip is moved in whole.
      work = Files.createTempDirectory(file.toAbsolutePath().getParent(), ".local-video-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      encode(request, motion, work, file);
    } finally {
      deleteQuietly(work);
    }
  }

  private void encode(VideoRequest request, CameraMotion motion, Path work, Path file) {
    int width = request.width();
    int height = request.height();
    int frames = request.durationSeconds() * request.fps();
    MotionPath path = MotionPath.of(motion, request.seed(), request.endImage().isPresent());
    int stillWidth = even(width * path.preparedScale());
    int stillHeight = even(height * path.preparedScale());
    FfmpegInstallation installation = ffmpeg.get();
    FfmpegRun run = FfmpegRun.within(installation, Cancellation.none(), timeout);
    BufferedImage first =
        request.startImage().isPresent()
            ? Pictures.read(request.startImage().get().file(), run, work)
            : procedural(request, stillWidth, stillHeight, work);
    Shot start = Shot.of(Pictures.cover(first, stillWidth, stillHeight), path, width, height);
    Optional<Shot> end =
        request
            .endImage()
            .map(frame -> Pictures.read(frame.file(), run, work))
            .map(
                image ->
                    Shot.of(Pictures.cover(image, stillWidth, stillHeight), path, width, height));
    Path partial = work.resolve("clip.mp4");
    EncoderSettings encoder =
        EncoderSettings.choose(installation, width, height, request.fps(), QualityTier.STANDARD);
    run.run(
        "video clip",
        arguments(width, height, request.fps(), frames, encoder, partial),
        null,
        stdin -> new ClipFrames(start, end, frames).write(stdin));
    try {
      Files.move(
          partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The prompt drawn as a picture of the still's shape, as large as the procedural designer draws
   * (2048 pixels a side at most; the still is scaled from it).
   */
  private static BufferedImage procedural(
      VideoRequest request, int stillWidth, int stillHeight, Path work) {
    double fit = Math.min(1, PROCEDURAL_MAX / (double) Math.max(stillWidth, stillHeight));
    int w = Math.max(PROCEDURAL_MIN, (int) Math.round(stillWidth * fit));
    int h = Math.max(PROCEDURAL_MIN, (int) Math.round(stillHeight * fit));
    Path png =
        new ProceduralImages()
            .generate(new ImageRequest(request.prompt(), w, h, request.seed()), work)
            .file();
    try {
      return ImageIO.read(png.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> arguments(
      int width, int height, int fps, int frames, EncoderSettings encoder, Path output) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-f",
                "rawvideo",
                "-pix_fmt",
                "yuv420p",
                "-video_size",
                width + "x" + height,
                "-framerate",
                Integer.toString(fps),
                "-i",
                "pipe:0",
                "-frames:v",
                Integer.toString(frames)));
    args.addAll(encoder.videoArguments());
    args.addAll(List.of("-movflags", "+faststart", "-an", "-f", "mp4", output.toString()));
    return args;
  }

  private static int even(double pixels) {
    return (int) Math.round(pixels / 2) * 2;
  }

  private static void deleteQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A scratch folder left behind costs a little disk and nothing else; the clip is what
      // matters, and its outcome is already decided.
    }
  }
}

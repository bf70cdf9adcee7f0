package dev.reelforge.mediagen;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.mediagen.engines.VideoEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Makes one picture or one clip for the {@code generate} command: the media pipelines on a job
 * engine inside this process ({@link InProcessMedia}), so the command runs the very stages the
 * servers run, with the same retries, fallbacks and breakers. The job's store and scratch files go
 * into a work folder inside the output folder, deleted when the command ends; the output and its
 * thumbnail are copied out as {@code NAME.png}/{@code NAME.mp4} and {@code NAME.jpg}.
 */
public final class MediaMaker {

  /** The work folder inside the output folder, while a job runs. */
  public static final String WORK_DIR = ".generate-work";

  private final ImageGenerator images;
  private final VideoEngines engines;
  private final MediaThumbnailer thumbnailer;
  private final Clock clock;

  public MediaMaker(
      ImageGenerator images, VideoEngines engines, MediaThumbnailer thumbnailer, Clock clock) {
    this.images = Objects.requireNonNull(images, "images");
    this.engines = Objects.requireNonNull(engines, "engines");
    this.thumbnailer = Objects.requireNonNull(thumbnailer, "thumbnailer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The video engines the command can use (which the {@code --engine} option names). */
  public VideoEngines engines() {
    return engines;
  }

  /** The image engine in use, by name. */
  public String imageEngine() {
    return images.name();
  }

  /**
   * The in-process engine with this maker's engines, for many jobs at once (the media benchmark);
   * its store and scratch files go into {@code folder}. The caller closes it.
   */
  public InProcessMedia open(Path folder) {
    return new InProcessMedia(images, engines, thumbnailer, folder, clock);
  }

  /** The image engine in use. */
  public ImageGenerator images() {
    return images;
  }

  /** A made picture: the PNG, its thumbnail and the job's output. */
  public record MadeImage(Path image, Path thumbnail, ImageJobOutput output) {}

  /** A made clip: the MP4, its thumbnail and the job's output (engine, fallback, cost). */
  public record MadeVideo(Path clip, Path thumbnail, VideoJobOutput output) {}

  /**
   * Makes {@code input} into {@code folder}/{@code name}.png.
   *
   * @throws ReelForgeException the job's error
   * @throws CancellationException when {@code stop} stopped it
   */
  public MadeImage makeImage(
      ImageJobInput input, Path folder, String name, MediaProgress progress, BooleanSupplier stop) {
    // One folder per command, so that two commands writing to the same --out keep apart.
    Path work = folder.resolve(WORK_DIR + "-" + java.util.UUID.randomUUID());
    try (InProcessMedia media = open(work)) {
      UUID job = media.submitImage(input);
      RunRecord run = media.await(job, progress, stop);
      ImageJobOutput output = MediaPipelines.imageResult(run).orElseThrow();
      Path image = copyOut(media, output.imageKey(), folder.resolve(name + ".png"));
      Path thumb = copyOut(media, output.thumbKey(), folder.resolve(name + ".jpg"));
      return new MadeImage(image, thumb, output);
    } finally {
      delete(work);
    }
  }

  /**
   * Makes {@code order} into {@code folder}/{@code name}.mp4.
   *
   * @throws ReelForgeException the job's error ({@code SERVICE_UNAVAILABLE} when this installation
   *     has no video engine)
   * @throws CancellationException when {@code stop} stopped it
   */
  public MadeVideo makeVideo(
      VideoOrder order, Path folder, String name, MediaProgress progress, BooleanSupplier stop) {
    engines.requireEngine(order.engine()); // before anything is written
    // One folder per command, so that two commands writing to the same --out keep apart.
    Path work = folder.resolve(WORK_DIR + "-" + java.util.UUID.randomUUID());
    try (InProcessMedia media = open(work)) {
      UUID job = media.submitVideo(order);
      RunRecord run = media.await(job, progress, stop);
      VideoJobOutput output = MediaPipelines.videoResult(run).orElseThrow();
      Path clip = copyOut(media, output.clipKey(), folder.resolve(name + ".mp4"));
      Path thumb = copyOut(media, output.thumbKey(), folder.resolve(name + ".jpg"));
      return new MadeVideo(clip, thumb, output);
    } finally {
      delete(work);
    }
  }

  private static Path copyOut(InProcessMedia media, String key, Path target) {
    Path stored = media.store().pathOf(key);
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.copy(stored, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR,
          "cannot write " + target + ": " + e.getMessage(),
          false,
          List.of(),
          e);
    }
  }

  private static void delete(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // Only tidiness is lost: the next command starts with a fresh store anyway.
    }
  }
}

package dev.reelforge.mediagen;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.imagegen.GeneratedImage;
import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.imagegen.Pngs;
import dev.reelforge.core.jobs.api.StageContext;
import dev.reelforge.core.jobs.api.StageResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code generate} stage of an image job: the engine in use makes the picture, which is kept as
 * a PNG with its 256-pixel thumbnail under the job's keys. A failure that may pass is left to the
 * stage's retry policy (seed 004 §7: three attempts, 1 s then 4 s).
 */
final class ImageStage {

  private final ImageGenerator generator;
  private final MediaStore store;
  private final MediaThumbnailer thumbnailer;
  private final WorkFolders work;

  ImageStage(
      ImageGenerator generator, MediaStore store, MediaThumbnailer thumbnailer, WorkFolders work) {
    this.generator = generator;
    this.store = store;
    this.thumbnailer = thumbnailer;
    this.work = work;
  }

  StageResult execute(StageContext ctx) {
    ImageJobInput input = MediaJson.read(ctx.inputs(), ImageJobInput.class);
    Path dir = work.folder("image", ctx.runId());
    try {
      ctx.progress(0.05, generator.name() + ": generating");
      GeneratedImage image;
      try {
        image = generator.generate(input.request(), work.subfolder(dir, "engine"));
      } catch (ReelForgeException e) {
        throw asPreviewFailure(e);
      }
      ctx.checkCancelled();
      ctx.progress(0.8, generator.name() + ": storing the picture");
      Path png = dir.resolve("image.png");
      Pngs.Size size = asPng(image.file(), png);
      Path thumb = dir.resolve("thumb.jpg");
      thumbnailer.ofImage(png, thumb);
      String imageKey = MediaKeys.image(ctx.ownerId(), ctx.runId());
      String thumbKey = MediaKeys.thumb(ctx.ownerId(), ctx.runId());
      // A run cancelled meanwhile (its owner erased, say) stores nothing more.
      ctx.checkCancelled();
      store.put(imageKey, png, "image/png");
      store.put(thumbKey, thumb, "image/jpeg");
      ctx.progress(1.0, generator.name() + ": done");
      return StageResult.completed(
          MediaJson.write(
              new ImageJobOutput(
                  imageKey,
                  thumbKey,
                  size.width(),
                  size.height(),
                  image.model(),
                  MediaCosts.image())));
    } finally {
      // Each attempt starts clean: a retry makes the picture again rather than trust a half-written
      // file, and a finished job keeps its files in the store only.
      work.delete(dir);
    }
  }

  /**
   * Writes {@code source} as a PNG to {@code target} (seed 004 §6's key ends in {@code .png}),
   * whatever the engine returned; answers its width and height.
   *
   * @throws ReelForgeException {@code PREVIEW_FAILED} (not retryable: the engine would answer the
   *     same format again) for a file no reader here understands
   */
  static Pngs.Size asPng(Path source, Path target) {
    try {
      return Pngs.writeAsPng(source, target)
          .orElseThrow(
              () ->
                  new ReelForgeException(
                      ErrorCode.PREVIEW_FAILED,
                      "the image engine answered a format that cannot be read here ("
                          + source.getFileName()
                          + ")",
                      false,
                      List.of(),
                      null));
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.PREVIEW_FAILED,
          "the generated image could not be read: " + e.getMessage(),
          true,
          List.of(),
          e);
    }
  }

  /**
   * Seed 001 §6.3: a picture the engine failed to make is {@code PREVIEW_FAILED}, retryable as the
   * engine said. What the caller must change (a refused prompt, a rate limit) keeps its own code.
   */
  private static ReelForgeException asPreviewFailure(ReelForgeException e) {
    return switch (e.code()) {
      case EXTERNAL_API_ERROR, EXTERNAL_API_TIMEOUT, TIMEOUT, INTERNAL_ERROR ->
          new ReelForgeException(
              ErrorCode.PREVIEW_FAILED,
              "image generation failed: " + e.getMessage(),
              e.retryable(),
              e.violations(),
              e);
      default -> e;
    };
  }
}

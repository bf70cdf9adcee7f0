package dev.reelforge.app.mediagen;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.process.ExternalCommand;
import dev.reelforge.media.ffmpeg.FfmpegInstallation;
import dev.reelforge.mediagen.MediaThumbnailer;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * The media jobs' thumbnails: a picture scaled with Java2D, a clip's first frame scaled by FFmpeg,
 * each to {@value MediaThumbnailer#MAX_SIDE} pixels on its longest side. FFmpeg is found only when
 * the first clip needs it, so that an image job runs on a machine without it.
 */
final class FfmpegThumbnailer implements MediaThumbnailer {

  private static final Duration CLIP_TIMEOUT = Duration.ofSeconds(60);

  private final Supplier<FfmpegInstallation> ffmpeg;

  FfmpegThumbnailer(Supplier<FfmpegInstallation> ffmpeg) {
    this.ffmpeg = ffmpeg;
  }

  @Override
  public void ofImage(Path png, Path jpg) {
    try {
      BufferedImage picture = ImageIO.read(png.toFile());
      if (picture == null) {
        throw new IOException("not a picture: " + png.getFileName());
      }
      double scale =
          Math.min(1.0, (double) MAX_SIDE / Math.max(picture.getWidth(), picture.getHeight()));
      int width = Math.max(1, (int) Math.round(picture.getWidth() * scale));
      int height = Math.max(1, (int) Math.round(picture.getHeight() * scale));
      BufferedImage thumb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = thumb.createGraphics();
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(picture, 0, 0, width, height, null);
      g.dispose();
      if (!ImageIO.write(thumb, "jpeg", jpg.toFile())) {
        throw new IOException("no JPEG writer in this Java runtime");
      }
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR,
          "cannot make a thumbnail: " + e.getMessage(),
          false,
          List.of(),
          e);
    }
  }

  @Override
  public void ofClip(Path mp4, Path jpg) {
    int side = MAX_SIDE;
    ExternalCommand.Result result =
        ffmpeg
            .get()
            .ffmpeg(
                List.of(
                    "-hide_banner",
                    "-loglevel",
                    "error",
                    "-y",
                    "-i",
                    mp4.toString(),
                    "-frames:v",
                    "1",
                    "-vf",
                    "scale=" + side + ":" + side + ":force_original_aspect_ratio=decrease",
                    "-q:v",
                    "3",
                    jpg.toString()),
                CLIP_TIMEOUT)
            .run();
    if (!result.succeeded()) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR,
          "cannot make a thumbnail of the clip: " + result.tail(3),
          true,
          List.of(),
          null);
    }
  }
}

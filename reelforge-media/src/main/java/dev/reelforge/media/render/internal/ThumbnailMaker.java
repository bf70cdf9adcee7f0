package dev.reelforge.media.render.internal;

import dev.reelforge.core.timeline.Framing;
import dev.reelforge.core.timeline.Overlays;
import dev.reelforge.core.timeline.Timeline;
import dev.reelforge.core.timeline.VisualClip;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.ffmpeg.FfmpegRun;
import dev.reelforge.media.frames.Pictures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Makes a preset's thumbnail from its visuals (one candidate per segment: the framed still, or a
 * frame from the middle of the clip) and the hook title, composed by {@link ThumbnailComposer}. The
 * candidates come from the visuals rather than the finished video so that no caption or fade is
 * caught in the thumbnail.
 */
public final class ThumbnailMaker {

  private static final float JPEG_QUALITY = 0.9f;

  private final FontLibrary fonts;
  private final Path tempDir;

  public ThumbnailMaker(FontLibrary fonts, Path tempDir) {
    this.fonts = fonts;
    this.tempDir = tempDir;
  }

  public void make(
      Timeline timeline, Canvas canvas, List<SegmentPlan> plans, FfmpegRun ffmpeg, Path output) {
    List<BufferedImage> candidates = plans.stream().map(plan -> candidate(plan, ffmpeg)).toList();
    BufferedImage thumbnail =
        new ThumbnailComposer(fonts)
            .compose(
                candidates,
                timeline.overlays().hook().map(Overlays.HookTitle::text),
                canvas,
                timeline.overlays().brand())
            .image();
    Atomic.write(output, tempDir, file -> Pictures.writeJpeg(thumbnail, file, JPEG_QUALITY));
  }

  private BufferedImage candidate(SegmentPlan plan, FfmpegRun ffmpeg) {
    try {
      if (plan.kind() == VisualClip.Kind.IMAGE) {
        return ImageIO.read(plan.visualFile().toFile());
      }
      Path frame = Files.createTempFile(tempDir, "thumb-", ".png");
      try {
        long at = plan.inMillis() + Math.round(plan.seconds() * 500);
        // Framed exactly as the segment frames it, so the thumbnail matches the video; a moving
        // crop is where it passes at the middle (the graph alone would place it at its start).
        Framing f = plan.framing();
        SegmentPlan framed =
            plan.withFraming(Framing.at((f.startX() + f.endX()) / 2, (f.startY() + f.endY()) / 2));
        ffmpeg.run(
            "thumbnail frame",
            List.of(
                "-ss",
                String.format(Locale.ROOT, "%.3f", at / 1000.0),
                "-i",
                plan.visualFile().toString(),
                "-filter_complex",
                SegmentCommand.framing(framed),
                "-map",
                "[v]",
                "-frames:v",
                "1",
                frame.toString()),
            null);
        BufferedImage image = ImageIO.read(frame.toFile());
        return image != null
            ? image
            : new BufferedImage(plan.width(), plan.height(), BufferedImage.TYPE_INT_RGB);
      } finally {
        Files.deleteIfExists(frame);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

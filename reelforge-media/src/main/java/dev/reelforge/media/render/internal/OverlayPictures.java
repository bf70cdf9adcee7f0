package dev.reelforge.media.render.internal;

import dev.reelforge.core.render.SafeZone;
import dev.reelforge.core.timeline.BrandColours;
import dev.reelforge.core.timeline.Overlays;
import dev.reelforge.media.captions.BrandInk;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.captions.TitleLayout;
import dev.reelforge.media.captions.TitlePainter;
import dev.reelforge.media.ffmpeg.FfmpegRun;
import dev.reelforge.media.frames.Pictures;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;

/** Draws the hook title band and the watermark of a preset, cached by what they show. */
public final class OverlayPictures {

  /** Changes when the way titles are laid out changes, so that cached bands are redrawn. */
  private static final int LAYOUT_VERSION = 2;

  private final FontLibrary fonts;
  private final Canvas canvas;
  private final Path cacheDir;
  private final Path tempDir;

  public OverlayPictures(FontLibrary fonts, Canvas canvas, Path cacheDir, Path tempDir) {
    this.fonts = fonts;
    this.canvas = canvas;
    this.cacheDir = cacheDir;
    this.tempDir = tempDir;
  }

  /**
   * The hook title, fitted to the top of the safe zone ({@link TitleBoxes#hook}), over frames
   * {@code from..to}, in the renderer's own colours.
   */
  public TimedImage hook(String text, int fromFrame, int toFrame) {
    return hook(text, Optional.empty(), fromFrame, toFrame);
  }

  /**
   * The hook title over frames {@code from..to}: in the renderer's own colours, or, with brand
   * colours, plain on a panel of the primary colour ({@link BrandInk#title()}) fitted into {@link
   * TitleBoxes#backedHook}.
   */
  public TimedImage hook(String text, Optional<BrandColours> brand, int fromFrame, int toFrame) {
    SafeZone zone = canvas.safeZone();
    CacheKey cacheKey =
        new CacheKey()
            .add("hook", text)
            .add("preset", canvas.id())
            .add("zone", zone)
            .add("layout", LAYOUT_VERSION);
    // Added only when present, so that an unbranded hook keeps the key (and cached band) it had.
    brand.ifPresent(b -> cacheKey.add("brand", b.toString()));
    String key = cacheKey.value();
    Path file = cacheDir.resolve(key + ".png");
    if (!Files.isRegularFile(file)) {
      int areaWidth = zone.width(canvas.width());
      BufferedImage band;
      if (brand.isPresent()) {
        TitlePainter painter = new TitlePainter(fonts, new BrandInk(brand.get()).title());
        TitleLayout layout = painter.fitter().fit(text, TitleBoxes.backedHook(canvas));
        band =
            painter.band(
                layout, canvas.width(), zone.x(), areaWidth, TitleBoxes.hookPadding(canvas));
      } else {
        TitlePainter painter = new TitlePainter(fonts);
        TitleLayout layout = painter.fitter().fit(text, TitleBoxes.hook(canvas));
        band = painter.band(layout, canvas.width(), zone.x(), areaWidth);
      }
      BufferedImage toWrite = band;
      Atomic.write(file, tempDir, f -> FastPng.write(toWrite, f));
    }
    return new TimedImage(file, key, 0, TitleBoxes.hookTop(canvas), fromFrame, toFrame);
  }

  /** The logo, scaled and made translucent, in its corner of the safe zone. */
  public TimedImage watermark(
      Overlays.Watermark mark, Path source, String sourceHash, int frames, FfmpegRun ffmpeg) {
    String key =
        new CacheKey()
            .add("watermark", sourceHash)
            .add("opacity", mark.opacity())
            .add("width", mark.widthFraction())
            .add("preset", canvas.width())
            .value();
    Path file = cacheDir.resolve(key + ".png");
    BufferedImage logo = null;
    if (!Files.isRegularFile(file)) {
      BufferedImage original = Pictures.read(source, ffmpeg, tempDir);
      int width = Math.max(1, (int) Math.round(canvas.width() * mark.widthFraction()));
      int height = Math.max(1, original.getHeight() * width / original.getWidth());
      BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
      Graphics2D g = scaled.createGraphics();
      g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) mark.opacity()));
      g.drawImage(Pictures.resize(original, width, height), 0, 0, null);
      g.dispose();
      logo = scaled;
      BufferedImage toWrite = scaled;
      Atomic.write(file, tempDir, f -> ImageIO.write(toWrite, "png", f.toFile()));
    }
    int[] size = logo != null ? new int[] {logo.getWidth(), logo.getHeight()} : imageSize(file);
    SafeZone zone = canvas.safeZone();
    int margin = canvas.width() / 40;
    int x =
        switch (mark.corner()) {
          case TOP_LEFT, BOTTOM_LEFT -> zone.x() + margin;
          case TOP_RIGHT, BOTTOM_RIGHT -> canvas.width() - zone.right() - margin - size[0];
        };
    int y =
        switch (mark.corner()) {
          case TOP_LEFT, TOP_RIGHT -> zone.top() + margin;
          case BOTTOM_LEFT, BOTTOM_RIGHT -> canvas.height() - zone.bottom() - margin - size[1];
        };
    return new TimedImage(file, key, x, y, 0, frames);
  }

  private static int[] imageSize(Path file) {
    try {
      BufferedImage image = ImageIO.read(file.toFile());
      return new int[] {image.getWidth(), image.getHeight()};
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

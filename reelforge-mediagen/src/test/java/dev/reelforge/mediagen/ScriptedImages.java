package dev.reelforge.mediagen;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.imagegen.GeneratedImage;
import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.imagegen.ImageRequest;
import dev.reelforge.core.licence.MediaLicence;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * An image engine that draws a gradient of the asked size, in a format of the test's choice (JPEG
 * for engines that answer JPEG), after failing as often as the test asks.
 */
final class ScriptedImages implements ImageGenerator {

  private final String format;
  private final AtomicInteger failuresLeft;
  private final ErrorCode failure;
  final AtomicInteger calls = new AtomicInteger();

  ScriptedImages(String format, int failures, ErrorCode failure) {
    this.format = format;
    this.failuresLeft = new AtomicInteger(failures);
    this.failure = failure;
  }

  static ScriptedImages png() {
    return new ScriptedImages("png", 0, ErrorCode.EXTERNAL_API_ERROR);
  }

  @Override
  public String name() {
    return "scripted";
  }

  @Override
  public GeneratedImage generate(ImageRequest request, Path directory) {
    calls.incrementAndGet();
    if (failuresLeft.getAndDecrement() > 0) {
      throw new ReelForgeException(
          failure, "the engine failed", failure.retryable(), List.of(), null);
    }
    BufferedImage picture =
        new BufferedImage(request.width(), request.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = picture.createGraphics();
    g.setPaint(
        new GradientPaint(0, 0, Color.ORANGE, request.width(), request.height(), Color.BLUE));
    g.fillRect(0, 0, request.width(), request.height());
    g.dispose();
    Path file = directory.resolve("picture." + (format.equals("jpeg") ? "jpg" : format));
    try {
      ImageIO.write(picture, format, file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new GeneratedImage(
        file,
        request.width(),
        request.height(),
        "scripted-1",
        request.prompt(),
        MediaLicence.generated("scripted"));
  }
}

package dev.reelforge.media.render;

import dev.reelforge.core.render.RenderPreset;
import dev.reelforge.core.timeline.CaptionTrack;
import dev.reelforge.core.timeline.CaptionWord;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.render.internal.Canvas;
import dev.reelforge.media.render.internal.CaptionOverlay;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A picture of how a caption will look in a video: the same typesetting, paging and highlight as
 * the render, the first page of {@code text} on a neutral background the width of the preset.
 */
public final class CaptionPreview {

  private CaptionPreview() {}

  /**
   * @param activeWord the word to highlight (0-based), or -1 for none
   * @return a PNG
   */
  public static byte[] png(
      FontLibrary fonts, String text, String style, RenderPreset preset, int activeWord) {
    List<CaptionWord> words = new ArrayList<>();
    long at = 0;
    for (String word : text.strip().split("\\s+")) {
      words.add(new CaptionWord(word, at, at + 300));
      at += 320;
    }
    CaptionOverlay overlay =
        new CaptionOverlay(fonts, new CaptionTrack(words, style), Canvas.of(preset));
    int page = 0;
    for (int p = 0; p < overlay.pages().size(); p++) {
      if (activeWord >= overlay.pages().get(p).firstWord()
          && activeWord <= overlay.pages().get(p).lastWord()) {
        page = p;
      }
    }
    BufferedImage band = overlay.band(page, activeWord);
    BufferedImage picture =
        new BufferedImage(band.getWidth(), band.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = picture.createGraphics();
    try {
      // A mid-tone gradient, so white text, its outline and a highlight box all show.
      g.setPaint(
          new GradientPaint(
              0, 0, new Color(40, 52, 74), 0, band.getHeight(), new Color(96, 110, 128)));
      g.fillRect(0, 0, band.getWidth(), band.getHeight());
      g.drawImage(band, 0, 0, null);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(picture, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }
}

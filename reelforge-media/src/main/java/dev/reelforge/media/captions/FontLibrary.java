package dev.reelforge.media.captions;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts captions and titles are drawn with. Three bold fonts come with the build (Roboto Black
 * and Roboto Condensed Bold from the {@code roboto-fontface} webjar, Liberation Sans Bold from
 * {@code openpdf-fonts-extra}), so captions look the same on a machine with no fonts at all. System
 * fonts are used when present: a preferred display face (Bebas Neue, League Spartan) and, for
 * scripts the bundled fonts lack (CJK, Arabic, Hebrew, Devanagari, Thai...), whichever installed
 * font can draw the character.
 */
public final class FontLibrary {

  private static final String ROBOTO_BLACK =
      "/META-INF/resources/webjars/roboto-fontface/0.10.0/fonts/roboto/Roboto-Black.woff";
  private static final String ROBOTO_CONDENSED_BOLD =
      "/META-INF/resources/webjars/roboto-fontface/0.10.0/fonts/roboto-condensed/"
          + "Roboto-Condensed-Bold.woff";
  private static final String LIBERATION_BOLD = "/liberation/LiberationSans-Bold.ttf";

  /** Installed families tried first for characters the bundled fonts cannot draw, best first. */
  private static final List<String> PREFERRED_FALLBACKS =
      List.of(
          "Noto Sans CJK SC",
          "Noto Sans CJK JP",
          "Noto Sans CJK KR",
          "Noto Sans Arabic",
          "Noto Sans Hebrew",
          "Noto Sans Devanagari",
          "Noto Sans Thai",
          "Noto Sans",
          "DejaVu Sans");

  private static final FontLibrary SHARED = new FontLibrary();

  private final Font display;
  private final Font title;
  private final Font body;
  private final List<Font> fallbacks;
  private final Map<Integer, Optional<Font>> fallbackByCodePoint = new ConcurrentHashMap<>();

  private FontLibrary() {
    this.display = bundledWoff(ROBOTO_BLACK);
    this.title = bundledWoff(ROBOTO_CONDENSED_BOLD);
    this.body = bundledTtf(LIBERATION_BOLD);
    this.fallbacks = installedFallbacks();
  }

  /** The library, loaded once per process (fonts are immutable and loading them takes time). */
  public static FontLibrary shared() {
    return SHARED;
  }

  /** The bundled bold display face (Roboto Black). */
  public Font display() {
    return display;
  }

  /**
   * The bundled face of titles (Roboto Condensed Bold): heavy capitals that are narrow enough for a
   * hook of a dozen words to sit in three or four lines at a size that reads as a title.
   */
  public Font title() {
    return title;
  }

  /** The bundled bold text face (Liberation Sans Bold), wider coverage than the display face. */
  public Font body() {
    return body;
  }

  /** An installed family by name, if this machine has it. */
  public Optional<Font> installed(String family) {
    return Arrays.stream(installedFamilies())
        .filter(f -> f.equalsIgnoreCase(family))
        .findFirst()
        .map(f -> new Font(f, Font.BOLD, 1));
  }

  /**
   * The font to draw {@code codePoint} with: {@code primary} when it can, else the bundled body
   * face, else an installed font that can, else {@code primary} (which draws a box).
   */
  public Font fontFor(int codePoint, Font primary) {
    if (primary.canDisplay(codePoint)) {
      return primary;
    }
    if (body.canDisplay(codePoint)) {
      return body;
    }
    return fallbackByCodePoint.computeIfAbsent(codePoint, this::findFallback).orElse(primary);
  }

  /** Whether some font here can draw every character of {@code text}. */
  public boolean canDraw(String text, Font primary) {
    return text.codePoints()
        .filter(cp -> !Character.isWhitespace(cp))
        .allMatch(cp -> fontFor(cp, primary).canDisplay(cp));
  }

  private Optional<Font> findFallback(int codePoint) {
    return fallbacks.stream().filter(f -> f.canDisplay(codePoint)).findFirst();
  }

  private static List<Font> installedFallbacks() {
    Set<String> families = new HashSet<>(Arrays.asList(installedFamilies()));
    List<Font> fonts = new ArrayList<>();
    for (String family : PREFERRED_FALLBACKS) {
      if (families.remove(family)) {
        fonts.add(new Font(family, Font.BOLD, 1));
      }
    }
    families.stream().sorted().map(f -> new Font(f, Font.BOLD, 1)).forEach(fonts::add);
    return List.copyOf(fonts);
  }

  private static String[] installedFamilies() {
    return GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
  }

  private static Font bundledWoff(String resource) {
    try (InputStream in = stream(resource)) {
      byte[] sfnt = WoffDecoder.toSfnt(in.readAllBytes());
      return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(sfnt));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("the bundled font " + resource + " is unreadable", e);
    }
  }

  private static Font bundledTtf(String resource) {
    try (InputStream in = stream(resource)) {
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("the bundled font " + resource + " is unreadable", e);
    }
  }

  private static InputStream stream(String resource) {
    InputStream in = FontLibrary.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(
          "the bundled font " + resource + " is missing from the class path");
    }
    return in;
  }
}

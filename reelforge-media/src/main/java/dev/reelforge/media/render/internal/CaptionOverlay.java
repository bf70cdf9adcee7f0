package dev.reelforge.media.render.internal;

import dev.reelforge.core.render.SafeZone;
import dev.reelforge.core.timeline.BrandColours;
import dev.reelforge.core.timeline.CaptionTrack;
import dev.reelforge.core.timeline.CaptionWord;
import dev.reelforge.core.timeline.Overlays;
import dev.reelforge.media.captions.BrandInk;
import dev.reelforge.media.captions.CaptionPage;
import dev.reelforge.media.captions.CaptionPager;
import dev.reelforge.media.captions.CaptionPainter;
import dev.reelforge.media.captions.CaptionStyle;
import dev.reelforge.media.captions.CaptionTypesetter;
import dev.reelforge.media.captions.FontLibrary;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The burned-in captions of one preset: pages laid out for its safe zone, and one picture per
 * caption state (a page with one word active), placed in the lower middle of the safe zone.
 * Pictures are cached by what they show, so a re-render draws only captions that changed.
 *
 * <p>While the hook title is up, burned-in captions are hidden: the hook stands in for the words
 * spoken under it, so the same words never show twice at once (the opening of the narration is
 * usually the hook itself). Pages break where the hook ends, so captions resume with a fresh page
 * at the first word spoken after it. The pages — and so the SRT and WebVTT files — still hold every
 * word.
 */
public final class CaptionOverlay {

  private final List<CaptionWord> words;
  private final CaptionStyle style;
  private final CaptionPainter painter;
  private final List<CaptionPage> pages;
  private final String geometry;
  private final int bandY;
  private final List<State> states;

  public CaptionOverlay(FontLibrary fonts, CaptionTrack track, Canvas canvas) {
    this(fonts, track, canvas, Optional.empty());
  }

  /**
   * @param hook the hook title, under which no caption is burned in
   */
  public CaptionOverlay(
      FontLibrary fonts, CaptionTrack track, Canvas canvas, Optional<Overlays.HookTitle> hook) {
    this(fonts, track, canvas, hook, Optional.empty());
  }

  /**
   * @param hook the hook title, under which no caption is burned in
   * @param brand colours that replace the style's own ({@link BrandInk#caption})
   */
  public CaptionOverlay(
      FontLibrary fonts,
      CaptionTrack track,
      Canvas canvas,
      Optional<Overlays.HookTitle> hook,
      Optional<BrandColours> brand) {
    this.words = track.words();
    CaptionStyle named = CaptionStyle.byName(track.style());
    this.style = brand.map(b -> new BrandInk(b).caption(named)).orElse(named);
    SafeZone zone = canvas.safeZone();
    float size = (float) (Math.min(canvas.width(), canvas.height()) * style.sizeRatio());
    CaptionTypesetter typesetter = new CaptionTypesetter(fonts, style, size);
    int areaWidth = zone.width(canvas.width());
    this.painter = new CaptionPainter(style, typesetter, canvas.width(), zone.x(), areaWidth);
    // Leave the outline room inside the safe zone too.
    double textWidth = areaWidth - 2.0 * painter.padding();
    boolean[] hidden = hiddenWords(words, hook);
    this.pages =
        new CaptionPager(typesetter, style.uppercase(), textWidth).paginate(words, changes(hidden));
    int bandHeight = painter.bandHeight();
    int centre = (int) Math.round(canvas.height() * canvas.captionCenter());
    int lowest = canvas.height() - zone.bottom() - bandHeight;
    this.bandY = Math.max(zone.top(), Math.min(centre - bandHeight / 2, lowest));
    // The brand is added only when present, so that unbranded captions keep their cache keys.
    this.geometry =
        style.name()
            + "|"
            + size
            + "|"
            + canvas.width()
            + "|"
            + zone
            + "|"
            + bandHeight
            + brand.map(b -> "|" + b).orElse("");
    this.states =
        statesOf(pages, words).stream()
            .filter(s -> !hidden[pages.get(s.page()).firstWord()])
            .toList();
  }

  /** Which words start while the hook is up. */
  private static boolean[] hiddenWords(List<CaptionWord> words, Optional<Overlays.HookTitle> hook) {
    boolean[] hidden = new boolean[words.size()];
    hook.ifPresent(
        h -> {
          for (int i = 0; i < words.size(); i++) {
            long start = words.get(i).startMillis();
            hidden[i] = start >= h.startMillis() && start < h.endMillis();
          }
        });
    return hidden;
  }

  /** The words where captions start or stop being hidden: each must start a page. */
  private static Set<Integer> changes(boolean[] hidden) {
    Set<Integer> changes = new HashSet<>();
    for (int i = 1; i < hidden.length; i++) {
      if (hidden[i] != hidden[i - 1]) {
        changes.add(i);
      }
    }
    return changes;
  }

  public List<CaptionPage> pages() {
    return pages;
  }

  /** The whole caption band of {@code page} with {@code activeWord} highlighted (-1 for none). */
  public BufferedImage band(int page, int activeWord) {
    return painter.paint(pages.get(page), activeWord);
  }

  public int bandY() {
    return bandY;
  }

  public int bandHeight() {
    return painter.bandHeight();
  }

  /** Every state in time order: which page shows, which word is active, and when. */
  public List<State> states() {
    return states;
  }

  private static List<State> statesOf(List<CaptionPage> pages, List<CaptionWord> words) {
    List<State> states = new ArrayList<>();
    for (int p = 0; p < pages.size(); p++) {
      CaptionPage page = pages.get(p);
      long pageEnd = page.endMillis();
      if (p + 1 < pages.size()) {
        pageEnd = Math.min(pageEnd, pages.get(p + 1).startMillis());
      }
      for (int w = page.firstWord(); w <= page.lastWord(); w++) {
        long start = w == page.firstWord() ? page.startMillis() : words.get(w).startMillis();
        long end = w == page.lastWord() ? pageEnd : words.get(w + 1).startMillis();
        end = Math.min(end, pageEnd);
        if (end > start) {
          states.add(new State(p, w, start, end));
        }
      }
    }
    return states;
  }

  /**
   * The picture of a state, drawn on first use and cached under {@code cacheDir}: cropped to the
   * ink so that FFmpeg blends as few pixels as possible, with the crop's position kept beside it.
   * Empty when the state draws nothing.
   */
  public Optional<TimedImage> image(
      State state, int fromFrame, int toFrame, Path cacheDir, Path tempDir) {
    CaptionPage page = pages.get(state.page());
    StringBuilder text = new StringBuilder();
    page.lines().forEach(l -> text.append(l.text()).append('\n'));
    String key =
        new CacheKey()
            .add("caption", geometry)
            .add("text", text)
            .add("active", state.activeWord() - page.firstWord())
            .value();
    Path file = cacheDir.resolve(key + ".png");
    Path position = cacheDir.resolve(key + ".pos");
    try {
      if (!Files.isRegularFile(file) || !Files.isRegularFile(position)) {
        BufferedImage band = painter.paint(page, state.activeWord());
        Rectangle ink = Ink.bounds(band);
        if (ink == null) {
          return Optional.empty();
        }
        BufferedImage cropped = band.getSubimage(ink.x, ink.y, ink.width, ink.height);
        Atomic.write(position, tempDir, f -> Files.writeString(f, ink.x + " " + ink.y));
        Atomic.write(file, tempDir, f -> FastPng.write(cropped, f));
      }
      String[] xy = Files.readString(position).strip().split(" ");
      return Optional.of(
          new TimedImage(
              file,
              key,
              Integer.parseInt(xy[0]),
              bandY + Integer.parseInt(xy[1]),
              fromFrame,
              toFrame));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A page with one word active, on the timeline's clock. */
  public record State(int page, int activeWord, long startMillis, long endMillis) {}
}

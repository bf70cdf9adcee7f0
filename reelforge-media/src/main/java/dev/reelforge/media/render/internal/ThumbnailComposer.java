package dev.reelforge.media.render.internal;

import dev.reelforge.core.render.SafeZone;
import dev.reelforge.core.timeline.BrandColours;
import dev.reelforge.media.captions.BrandInk;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.captions.TitleLayout;
import dev.reelforge.media.captions.TitlePainter;
import dev.reelforge.media.frames.Pictures;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts a thumbnail together from candidate pictures and the title, never text on text: among the
 * sharp candidates ({@link FrameScore}) and three places for the title (top, middle, bottom of the
 * safe zone), it takes the pair whose title region is calmest ({@link Busyness}), so that a title
 * goes where a typography card or a photo has no lettering, and a picture with no lettering of its
 * own is preferred to one whose word would compete with the title. When even the calmest region is
 * busy, the title gets an opaque backing. On a vertical canvas the title stays inside the centre
 * 3:4 crop, which profile grids show of a cover.
 */
final class ThumbnailComposer {

  /** Above this share of busy cells (about two in a title's region) the title needs a backing. */
  static final double BUSY_LIMIT = 0.01;

  /** Candidates at least this sharp, relative to the sharpest, may be chosen for a calmer title. */
  static final double SHARP_ENOUGH = 0.1;

  /**
   * How much lettering elsewhere in a picture counts against it: a typography card's own word
   * competes with the title even when the title keeps clear of it.
   */
  static final double COMPETING = 0.3;

  /** A slight preference for the top, then the middle, when regions are about as calm. */
  private static final double PLACE_PREFERENCE = 0.002;

  static final Color BACKING = new Color(14, 14, 18);

  private final FontLibrary fonts;

  ThumbnailComposer(FontLibrary fonts) {
    this.fonts = fonts;
  }

  /**
   * @param image the thumbnail
   * @param titleBox where the title's lines (outline included) were drawn, if there is a title
   * @param backing the opaque panel drawn behind the title, if one was needed
   */
  record Thumbnail(
      BufferedImage image, Optional<Rectangle> titleBox, Optional<Rectangle> backing) {}

  Thumbnail compose(List<BufferedImage> candidates, Optional<String> title, Canvas canvas) {
    return compose(candidates, title, canvas, Optional.empty());
  }

  /**
   * As {@link #compose(List, Optional, Canvas)}; with brand colours the title always sits on a
   * panel of the primary colour, in the brand's letters ({@link BrandInk#title()}), as the video's
   * hook does.
   */
  Thumbnail compose(
      List<BufferedImage> candidates,
      Optional<String> title,
      Canvas canvas,
      Optional<BrandColours> brand) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("a thumbnail needs at least one candidate picture");
    }
    List<BufferedImage> framed = candidates.stream().map(c -> framed(c, canvas)).toList();
    List<Double> ranks = framed.stream().map(f -> FrameScore.of(f).rank()).toList();
    int sharpest = 0;
    for (int i = 1; i < ranks.size(); i++) {
      if (ranks.get(i) > ranks.get(sharpest)) {
        sharpest = i;
      }
    }
    if (title.isEmpty() || title.get().isBlank()) {
      return new Thumbnail(copy(framed.get(sharpest)), Optional.empty(), Optional.empty());
    }
    TitlePainter painter =
        brand
            .map(b -> new TitlePainter(fonts, new BrandInk(b).title()))
            .orElse(new TitlePainter(fonts));
    TitleLayout layout = painter.fitter().fit(title.get(), TitleBoxes.thumbnail(canvas));
    List<Rectangle> places = places(layout, canvas);
    Choice choice = choose(framed, ranks, sharpest, places, layout);
    BufferedImage image = copy(framed.get(choice.picture()));
    Rectangle place = places.get(choice.place());
    SafeZone zone = canvas.safeZone();
    int areaWidth = zone.width(canvas.width());
    Graphics2D g = image.createGraphics();
    try {
      if (brand.isEmpty() && Busyness.of(image, clearance(place, layout)) <= BUSY_LIMIT) {
        painter.draw(g, layout, zone.x(), areaWidth, place.y);
        return new Thumbnail(image, Optional.of(place), Optional.empty());
      }
      // On a panel the title needs room inside it: fitted again, narrower. Busy everywhere (or
      // branded), it goes to the first place (the top) that is about as calm as the calmest.
      int pad = padding(canvas);
      TitleLayout narrower =
          painter.fitter().fit(title.get(), TitleBoxes.thumbnail(canvas).narrowed(2 * pad));
      List<Rectangle> narrowerPlaces = places(narrower, canvas);
      Rectangle narrowerPlace = narrowerPlaces.get(backedPlace(image, narrowerPlaces, narrower));
      Rectangle panel = panel(narrowerPlace, pad);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(painter.ink().backing().orElse(BACKING));
      g.fill(
          new RoundRectangle2D.Double(
              panel.x, panel.y, panel.width, panel.height, pad * 0.8, pad * 0.8));
      painter.drawPlain(g, narrower, zone.x(), areaWidth, narrowerPlace.y);
      return new Thumbnail(image, Optional.of(narrowerPlace), Optional.of(panel));
    } finally {
      g.dispose();
    }
  }

  /** Which candidate and which place: see the class comment. */
  private static Choice choose(
      List<BufferedImage> framed,
      List<Double> ranks,
      int sharpest,
      List<Rectangle> places,
      TitleLayout layout) {
    Choice chosen = new Choice(sharpest, 0);
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < framed.size(); i++) {
      if (i != sharpest && !sharpEnough(ranks.get(i), ranks.get(sharpest))) {
        continue;
      }
      double[] busy = new double[places.size()];
      for (int p = 0; p < places.size(); p++) {
        busy[p] = Busyness.of(framed.get(i), clearance(places.get(p), layout));
      }
      for (int p = 0; p < places.size(); p++) {
        double elsewhere = 0;
        for (int q = 0; q < places.size(); q++) {
          elsewhere = q == p ? elsewhere : Math.max(elsewhere, busy[q]);
        }
        double score = busy[p] + COMPETING * elsewhere + p * PLACE_PREFERENCE;
        if (score < best) {
          best = score;
          chosen = new Choice(i, p);
        }
      }
    }
    return chosen;
  }

  /** The first place whose region is within half again of the calmest's busyness. */
  private static int backedPlace(BufferedImage image, List<Rectangle> places, TitleLayout layout) {
    double[] busy = new double[places.size()];
    double calmest = Double.POSITIVE_INFINITY;
    for (int p = 0; p < places.size(); p++) {
      busy[p] = Busyness.of(image, clearance(places.get(p), layout));
      calmest = Math.min(calmest, busy[p]);
    }
    for (int p = 0; p < places.size(); p++) {
      if (busy[p] <= calmest * 1.5 + PLACE_PREFERENCE) {
        return p;
      }
    }
    return 0;
  }

  /** A candidate picture and a place for the title, by index. */
  private record Choice(int picture, int place) {}

  /** The title's block at the top, middle and bottom of the safe zone, centred across it. */
  private static List<Rectangle> places(TitleLayout layout, Canvas canvas) {
    SafeZone zone = canvas.safeZone();
    int width = (int) Math.ceil(layout.width());
    int height = (int) Math.ceil(layout.height());
    int x = zone.x() + (zone.width(canvas.width()) - width) / 2;
    int margin = canvas.height() / 60;
    // Profile grids show the centre 3:4 of a vertical cover.
    int cropped = Math.max(0, (canvas.height() - canvas.width() * 4 / 3) / 2);
    int top = Math.max(zone.top(), cropped) + margin;
    int lowest = canvas.height() - Math.max(zone.bottom(), cropped) - margin - height;
    int bottom = Math.max(top, lowest);
    int middle = (top + bottom) / 2;
    List<Rectangle> places = new ArrayList<>();
    for (int y : new int[] {top, middle, bottom}) {
      places.add(new Rectangle(x, y, width, height));
    }
    return places;
  }

  /**
   * The title's block with room around it: lettering just outside the title crowds it as much as
   * lettering under it.
   */
  private static Rectangle clearance(Rectangle title, TitleLayout layout) {
    int marginX = Math.round(layout.size() * 0.2f);
    int marginY = Math.round(layout.size() * 0.6f);
    return new Rectangle(
        title.x - marginX,
        title.y - marginY,
        title.width + 2 * marginX,
        title.height + 2 * marginY);
  }

  /** The room between a backing's edge and the title on it. */
  private static int padding(Canvas canvas) {
    return Math.round(Math.min(canvas.width(), canvas.height()) * 0.035f);
  }

  /** The backing: the title's block with {@code pad} around it. */
  private static Rectangle panel(Rectangle title, int pad) {
    int centre = title.x + title.width / 2;
    int half = title.width / 2 + pad;
    return new Rectangle(centre - half, title.y - pad / 2, 2 * half, title.height + pad);
  }

  private static boolean sharpEnough(double rank, double best) {
    return rank >= 0 && rank >= best * SHARP_ENOUGH;
  }

  /** The candidate at the canvas's size (visuals are prepared at it; this only guards). */
  private static BufferedImage framed(BufferedImage candidate, Canvas canvas) {
    if (candidate.getWidth() == canvas.width() && candidate.getHeight() == canvas.height()) {
      return candidate;
    }
    return Pictures.resize(candidate, canvas.width(), canvas.height());
  }

  private static BufferedImage copy(BufferedImage picture) {
    BufferedImage copy =
        new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = copy.createGraphics();
    g.drawImage(picture, 0, 0, null);
    g.dispose();
    return copy;
  }
}

package dev.reelforge.media.procedural.icons;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.licence.MediaLicence;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The icons that ship inside the build: Font Awesome Free's solid style, from the {@code
 * org.webjars.npm:fortawesome__fontawesome-free} jar (its TrueType font, which Java2D draws
 * directly, and its metadata: names, labels, search terms, categories). Nothing is downloaded at
 * run time. Loaded once per process.
 *
 * <p>Licence: the icons are CC BY 4.0, the font files SIL OFL 1.1 (Fonticons, Inc.); every picture
 * that shows an icon credits it through {@link #licence(Icon)}.
 */
public final class IconSet {

  /** The webjar's version: the resources' path includes it (pinned in the parent POM). */
  static final String VERSION = "6.5.1";

  private static final String ROOT =
      "/META-INF/resources/webjars/fortawesome__fontawesome-free/" + VERSION + "/";

  public static final String TITLE = "Font Awesome Free " + VERSION;
  public static final String AUTHOR = "Fonticons, Inc.";
  public static final String LICENCE = "CC BY 4.0";
  public static final String LICENCE_URL = "https://fontawesome.com/license/free";

  /**
   * Categories whose icons show no subject of their own (letters, digits, punctuation, spinners,
   * toggles, text formatting): an icon only in these is left out, as a beat's words never mean it
   * (the star, also a rating toggle, stays).
   */
  private static final Set<String> SUBJECTLESS =
      Set.of("alphabet", "numbers", "punctuation-symbols", "spinners", "toggle", "text-formatting");

  private static final class Shared {
    static final IconSet FONT_AWESOME = load();
  }

  private final Font font;
  private final Map<String, Icon> icons;

  private IconSet(Font font, Map<String, Icon> icons) {
    this.font = font;
    this.icons = icons;
  }

  /** Font Awesome Free's solid icons, loaded once per process. */
  public static IconSet fontAwesome() {
    return Shared.FONT_AWESOME;
  }

  /** Every icon the set's font can draw that shows a subject, by name. */
  public List<Icon> icons() {
    return List.copyOf(icons.values());
  }

  public Optional<Icon> icon(String name) {
    return Optional.ofNullable(icons.get(name));
  }

  /**
   * The outline of {@code icon}'s glyph, scaled and moved so that its bounds are centred on ({@code
   * centreX}, {@code centreY}) and its longer side is {@code size} pixels.
   */
  public Shape outline(Icon icon, double centreX, double centreY, double size) {
    FontRenderContext context = new FontRenderContext(null, true, true);
    Shape glyph =
        font.deriveFont(1000f)
            .createGlyphVector(context, new String(Character.toChars(icon.codePoint())))
            .getOutline();
    var bounds = glyph.getBounds2D();
    double scale = size / Math.max(bounds.getWidth(), bounds.getHeight());
    AffineTransform fit = new AffineTransform();
    fit.translate(centreX, centreY);
    fit.scale(scale, scale);
    fit.translate(-bounds.getCenterX(), -bounds.getCenterY());
    return fit.createTransformedShape(glyph);
  }

  /** The credit a picture showing {@code icons} carries into the run manifest: each one named. */
  public MediaLicence licence(List<Icon> icons) {
    String names = String.join(", ", icons.stream().map(i -> "'" + i.name() + "'").toList());
    return new MediaLicence(
        "procedural",
        TITLE + " by " + AUTHOR + ": icon" + (icons.size() == 1 ? " " : "s ") + names,
        LICENCE,
        LICENCE_URL);
  }

  private static IconSet load() {
    Font font = font(ROOT + "webfonts/fa-solid-900.ttf");
    Map<String, List<String>> categories = categories(text(ROOT + "metadata/categories.yml"));
    JsonNode metadata;
    try (InputStream in = resource(ROOT + "metadata/icon-families.json")) {
      metadata = JsonMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw unreadable("metadata/icon-families.json", e);
    }
    Map<String, Icon> icons = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : metadata.properties()) {
      String name = entry.getKey();
      JsonNode node = entry.getValue();
      List<String> inCategories = categories.getOrDefault(name, List.of());
      if (!freeSolid(node)
          || name.endsWith("-slash")
          || (!inCategories.isEmpty() && SUBJECTLESS.containsAll(inCategories))) {
        continue;
      }
      int codePoint = Integer.parseInt(node.path("unicode").asString(), 16);
      if (!font.canDisplay(codePoint)) {
        continue;
      }
      List<String> terms = new ArrayList<>();
      for (JsonNode term : node.path("search").path("terms")) {
        String value = term.asString().strip().toLowerCase(Locale.ROOT);
        if (!value.isEmpty()) {
          terms.add(value);
        }
      }
      icons.put(
          name, new Icon(name, node.path("label").asString(name), codePoint, terms, inCategories));
    }
    return new IconSet(font, icons);
  }

  /** Free icons in the solid style: the only ones {@code fa-solid-900.ttf} carries. */
  private static boolean freeSolid(JsonNode node) {
    for (JsonNode style : node.path("familyStylesByLicense").path("free")) {
      if ("classic".equals(style.path("family").asString())
          && "solid".equals(style.path("style").asString())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Icon name → categories, from {@code categories.yml}: a flat YAML of {@code key:}, {@code
   * icons:}, {@code - name} and {@code label:} lines, read line by line (no YAML library needed).
   */
  static Map<String, List<String>> categories(String yaml) {
    Map<String, List<String>> byIcon = new LinkedHashMap<>();
    String category = null;
    for (String line : yaml.split("\n")) {
      if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && line.endsWith(":")) {
        category = line.substring(0, line.length() - 1).strip();
      } else if (category != null && line.strip().startsWith("- ")) {
        String icon = line.strip().substring(2).strip();
        byIcon.computeIfAbsent(icon, k -> new ArrayList<>()).add(category);
      }
    }
    return byIcon;
  }

  private static Font font(String path) {
    try (InputStream in = resource(path)) {
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException | FontFormatException e) {
      throw unreadable(path, e);
    }
  }

  private static String text(String path) {
    try (InputStream in = resource(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw unreadable(path, e);
    }
  }

  private static InputStream resource(String path) {
    InputStream in = IconSet.class.getResourceAsStream(path);
    if (in == null) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR,
          "the icon set is missing from the class path ("
              + path
              + "): the build should bring org.webjars.npm:fortawesome__fontawesome-free:"
              + VERSION);
    }
    return in;
  }

  private static ReelForgeException unreadable(String what, Exception cause) {
    return new ReelForgeException(
        ErrorCode.INTERNAL_ERROR, "could not read the icon set's " + what, cause);
  }
}

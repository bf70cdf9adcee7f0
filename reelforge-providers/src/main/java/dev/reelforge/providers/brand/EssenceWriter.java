package dev.reelforge.providers.brand;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the brand essence and the invariant elements from the measures alone, so that every word
 * can be traced to a number: colours named in words with their hex, mood from brightness,
 * saturation and contrast, flat graphic or textured from texture density, subject against
 * background from the border model, and the wordmark when it was read.
 */
final class EssenceWriter {

  static final int MAX_WORDMARK_CHARS = 40;

  private EssenceWriter() {}

  static String essence(Measures m) {
    StringBuilder out = new StringBuilder();
    out.append(capitalised(weight(m) + " " + kind(m)));
    List<Swatch> subject = leading(m);
    out.append(" in ")
        .append(String.join(" and ", subject.stream().map(EssenceWriter::named).toList()));
    m.backgroundColours().stream()
        .filter(bg -> !subject.contains(bg))
        .findFirst()
        .ifPresent(bg -> out.append(" on ").append(backgroundAdjective(bg)).append(named(bg)));
    out.append("; ").append(String.join(", ", mood(m)));
    wordmark(m).ifPresent(w -> out.append("; wordmark '").append(w).append("'"));
    if (m.text().present() && wordmark(m).isEmpty()) {
      out.append("; with lettering");
    }
    return out.toString();
  }

  static List<String> invariants(Measures m) {
    List<String> out = new ArrayList<>();
    Swatch lead = leading(m).getFirst();
    out.add(ColourNames.name(lead.lab()) + " " + lead.hex() + " brand colour");
    wordmark(m).ifPresent(w -> out.add("wordmark '" + w + "'"));
    out.add(m.flatGraphic() ? "flat graphic mark" : texture(m) + " surface texture");
    m.backgroundColours().stream()
        .filter(bg -> !bg.equals(lead))
        .findFirst()
        .ifPresent(bg -> out.add(ColourNames.name(bg.lab()) + " " + bg.hex() + " background"));
    return List.copyOf(out);
  }

  /** The subject's colours (up to two), or the leading colours when nothing stands apart. */
  static List<Swatch> leading(Measures m) {
    List<Swatch> subject = m.subjectColours();
    List<Swatch> source = subject.isEmpty() ? m.palette() : subject;
    return source.subList(0, Math.min(2, source.size()));
  }

  static Optional<String> wordmark(Measures m) {
    String text = m.text().text().replaceAll("['\"]", "").strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        text.length() <= MAX_WORDMARK_CHARS ? text : text.substring(0, MAX_WORDMARK_CHARS).strip());
  }

  private static String named(Swatch swatch) {
    return ColourNames.name(swatch.lab()) + " (" + swatch.hex() + ")";
  }

  private static String weight(Measures m) {
    double contrast = m.look().contrast();
    return contrast >= 0.45 ? "bold" : contrast <= 0.2 ? "soft" : "clean";
  }

  private static String kind(Measures m) {
    if (m.flatGraphic()) {
      return m.backgroundShare() >= 0.3 ? "minimal brand mark" : "flat graphic design";
    }
    return m.texture().textureDensity() >= 0.45 ? "richly textured image" : "photographic subject";
  }

  private static String backgroundAdjective(Swatch background) {
    if (background.lab().chroma() < 10 && background.lab().l() > 85) {
      return "clean ";
    }
    if (background.lab().l() < 25) {
      return "deep ";
    }
    return "";
  }

  private static List<String> mood(Measures m) {
    List<String> out = new ArrayList<>();
    double brightness = m.look().brightness();
    if (brightness > 0.7) {
      out.add("bright");
    } else if (brightness < 0.3) {
      out.add("dark and moody");
    }
    double saturation = m.look().saturation();
    if (saturation > 0.45) {
      out.add("vivid");
    } else if (saturation < 0.12) {
      out.add("muted");
    }
    double contrast = m.look().contrast();
    if (contrast >= 0.45) {
      out.add("high contrast");
    } else if (contrast <= 0.2) {
      out.add("soft contrast");
    }
    out.add(m.flatGraphic() ? "flat graphic" : texture(m) + " texture");
    return out;
  }

  private static String texture(Measures m) {
    double t = m.texture().textureDensity();
    return t >= 0.45 ? "rich organic" : t >= 0.2 ? "fine" : "smooth";
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}

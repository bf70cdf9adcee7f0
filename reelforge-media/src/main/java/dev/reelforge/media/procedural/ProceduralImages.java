package dev.reelforge.media.procedural;

import dev.reelforge.core.imagegen.GeneratedImage;
import dev.reelforge.core.imagegen.ImageGenerator;
import dev.reelforge.core.imagegen.ImageRequest;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.script.Keywords;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;

/**
 * The offline image generator: no model can be downloaded here, so a prompt becomes a designed
 * picture whose style and palette follow the prompt (a typography card showing its main word when
 * it names one). A prompt that names {@code #rrggbb} colours (the brand director's scenes list the
 * brand palette so) is painted in those colours, the first leading. Honest about it: the model name
 * is {@code procedural-design}.
 */
public final class ProceduralImages implements ImageGenerator {

  public static final String NAME = "procedural";

  /** The styles a prompt may get (illustrations need matched icons, which only visuals search). */
  private static final List<DesignStyle> STYLES =
      List.of(
          DesignStyle.GRADIENT_SHAPES,
          DesignStyle.FLOW_FIELD,
          DesignStyle.TYPOGRAPHY_CARD,
          DesignStyle.GEOMETRIC);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public GeneratedImage generate(ImageRequest request, Path directory) {
    // Hex codes are colours to paint with, not words to show.
    List<String> words = Keywords.of(Palette.HEX.matcher(request.prompt()).replaceAll(" "), 1);
    String word = words.isEmpty() ? "" : words.getFirst();
    long seed = request.seed() * 31 + request.prompt().hashCode();
    DesignStyle style = STYLES.get(Math.floorMod(seed, STYLES.size()));
    List<Color> brand = Palette.hexColours(request.prompt());
    Palette palette = brand.isEmpty() ? Palette.pick(seed) : Palette.fromHexes(brand);
    Design design = new Design(style, palette, request.width(), request.height(), seed, word);
    Path file =
        DesignFiles.write(design, directory.resolve("design-" + Long.toHexString(seed) + ".png"));
    return new GeneratedImage(
        file,
        request.width(),
        request.height(),
        NAME + "/procedural-design",
        request.prompt(),
        MediaLicence.generated(NAME));
  }
}

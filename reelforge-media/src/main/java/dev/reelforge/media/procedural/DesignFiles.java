package dev.reelforge.media.procedural;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/** Paints a design into a PNG file, atomically (a half-written file never has the final name). */
final class DesignFiles {

  private DesignFiles() {}

  static Path write(Design design, Path file) {
    BufferedImage image = DesignPainter.paint(design);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path partial = file.resolveSibling(file.getFileName() + ".part");
      if (!ImageIO.write(image, "png", partial.toFile())) {
        throw new IOException("no PNG writer");
      }
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR, "could not write the designed picture " + file, e);
    }
  }
}

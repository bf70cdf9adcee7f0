package dev.reelforge.app.ui;

import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.visuals.VisualCandidate;
import dev.reelforge.core.visuals.VisualKind;
import dev.reelforge.core.visuals.VisualSource;
import dev.reelforge.providers.tools.ScratchDirectory;
import dev.reelforge.story.session.StorySession;
import dev.reelforge.story.session.StorySessions;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Small previews of a beat's candidate stills, so the storyboard shows what picking one means. A
 * candidate is fetched from its source (a procedural design is drawn, a stock photo downloaded)
 * once, scaled to a thumbnail and kept in the session's hidden {@code .thumbs} folder. Only
 * candidates in the owner's session are served; clips have no preview here (their description is
 * shown).
 */
@Controller
class CandidateThumbnails {

  static final int WIDTH = 240;

  private final StorySessions sessions;
  private final ProviderRegistry providers;

  CandidateThumbnails(StorySessions sessions, ProviderRegistry providers) {
    this.sessions = sessions;
    this.providers = providers;
  }

  @GetMapping("/ui/stories/{id}/shots/{index}/candidates/{n}/thumb")
  ResponseEntity<byte[]> thumbnail(
      @PathVariable String id, @PathVariable int index, @PathVariable int n) {
    StorySession session = sessions.get(RequestOwner.current(), id);
    if (session.shots() == null
        || index < 0
        || index >= session.shots().size()
        || session.shots().get(index).candidates() == null
        || n < 0
        || n >= session.shots().get(index).candidates().size()) {
      throw ReelForgeException.notFound("Candidate", index + "/" + n);
    }
    VisualCandidate candidate = session.shots().get(index).candidates().get(n);
    if (candidate.kind() != VisualKind.IMAGE) {
      throw ReelForgeException.notFound("Preview of a clip", candidate.id());
    }
    Path file = sessions.folder(id).resolve(".thumbs").resolve(key(candidate) + ".jpg");
    try {
      if (!Files.isRegularFile(file)) {
        write(candidate, file);
      }
      return ResponseEntity.ok()
          .contentType(MediaType.IMAGE_JPEG)
          .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
          .body(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(VisualCandidate candidate, Path file) throws IOException {
    VisualSource source = providers.require(ProviderPort.VISUALS, VisualSource.class);
    try (ScratchDirectory scratch = ScratchDirectory.beside(file, "fetch")) {
      BufferedImage image =
          ImageIO.read(source.fetch(candidate, scratch.resolve("fetched")).file().toFile());
      if (image == null) {
        throw ReelForgeException.notFound("Preview", candidate.id());
      }
      int height = Math.max(1, image.getHeight() * WIDTH / image.getWidth());
      BufferedImage small = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = small.createGraphics();
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, 0, 0, WIDTH, height, null);
      g.dispose();
      Path temp = scratch.resolve("thumb.jpg");
      ImageIO.write(small, "jpg", temp.toFile());
      // Renamed into place, so a concurrent request never serves half a file.
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String key(VisualCandidate candidate) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((candidate.source() + "|" + candidate.id()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.reelforge.media.motion;

import dev.reelforge.core.videogen.VideoRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A hash of everything that decides a clip's frames — the engine's version, the prompt, the
 * pictures' contents (not their names), length, rate, size, shape and seed — which names the clip's
 * file, so the same request finds the clip it made before.
 */
final class RequestKey {

  private RequestKey() {}

  /** 16 hex digits of SHA-256. */
  static String of(VideoRequest request, String engineVersion) {
    MessageDigest digest = sha256();
    String fields =
        String.join(
            "\n",
            engineVersion,
            request.prompt(),
            Integer.toString(request.durationSeconds()),
            Integer.toString(request.fps()),
            request.resolution().label(),
            request.aspect().label(),
            Long.toString(request.seed()));
    digest.update(fields.getBytes(StandardCharsets.UTF_8));
    picture(digest, "start", request.startImage().map(VideoRequest.VideoFrame::file));
    picture(digest, "end", request.endImage().map(VideoRequest.VideoFrame::file));
    return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
  }

  private static void picture(MessageDigest digest, String role, Optional<Path> file) {
    digest.update(("\n" + role + ":").getBytes(StandardCharsets.UTF_8));
    if (file.isEmpty()) {
      digest.update((byte) 0);
      return;
    }
    try (InputStream in = Files.newInputStream(file.get())) {
      byte[] buffer = new byte[1 << 16];
      int read;
      while ((read = in.read(buffer)) > 0) {
        digest.update(buffer, 0, read);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}

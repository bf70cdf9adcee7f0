package dev.reelforge.media.render.internal;

import dev.reelforge.core.error.ReelForgeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The media files one render reads: resolved against the media folder, checked to exist, and hashed
 * by content. Within a render a path keeps the hash it was first given (several presets and
 * segments share a source); across renders an unchanged file is not read again ({@link
 * ContentHashes}).
 */
public final class SourceFiles {

  private final Path root;
  private final ContentHashes shared;
  private final Map<Path, String> hashes = new HashMap<>();

  public SourceFiles(Path root) {
    this(root, ContentHashes.SHARED);
  }

  SourceFiles(Path root, ContentHashes shared) {
    this.root = root;
    this.shared = shared;
  }

  /**
   * @param field the timeline field naming the file, for the error message
   * @throws ReelForgeException {@code INVALID_INPUT} when the file is missing or unreadable
   */
  public Path resolve(String source, String field) {
    Path path = root.resolve(source).normalize();
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw ReelForgeException.invalidField(field, "no readable file at " + path);
    }
    return path;
  }

  /** The SHA-256 of the file's content, in hex. */
  public synchronized String hash(Path file) {
    return hashes.computeIfAbsent(file, shared::hash);
  }

  static String sha256(Path file) {
    MessageDigest digest = digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

package dev.reelforge.storage.local;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.storage.BlobInfo;
import dev.reelforge.core.storage.BlobKeys;
import dev.reelforge.core.storage.BlobStore;
import dev.reelforge.core.storage.Sha256;
import dev.reelforge.core.storage.UrlSignature;
import dev.reelforge.storage.internal.Files2;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The default store: a folder on this machine (or a volume every node mounts). Its download URLs
 * point at the app's own {@code /blobs/} route and carry an HMAC signature and an expiry, which the
 * route checks with {@link #verify}.
 *
 * <p>Checksums are computed from the bytes when asked: the pipeline works in this folder in place,
 * so a recorded checksum could go stale, while hashing a local file is cheap.
 */
public final class LocalBlobStore implements BlobStore {

  /** The path under which the app serves signed downloads. */
  public static final String ROUTE = "/blobs/";

  private final Path root;
  private final UrlSignature signature;
  private final String publicUrl;
  private final Clock clock;

  /**
   * @param publicUrl the app's external base URL for signed links, or empty for links relative to
   *     the host that served them
   */
  public LocalBlobStore(Path root, UrlSignature signature, String publicUrl, Clock clock) {
    this.root = root.toAbsolutePath().normalize();
    this.signature = signature;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "local";
  }

  public Path root() {
    return root;
  }

  @Override
  public BlobInfo put(String key, Path source, String sha256, String contentType) {
    Path target = path(key);
    try {
      // A file already in its place (the pipeline works in this folder) is stored as it is.
      if (!Files.exists(target) || !Files.isSameFile(source, target)) {
        Files2.copyAtomically(source, target);
      }
      return new BlobInfo(key, Files.size(target), sha256);
    } catch (IOException e) {
      throw Files2.failure("cannot store " + key + " in " + root, e);
    }
  }

  @Override
  public void get(String key, Path target) {
    Path source = path(key);
    if (!Files.isRegularFile(source)) {
      throw ReelForgeException.notFound("File", key);
    }
    try {
      Files2.copyAtomically(source, target);
    } catch (NoSuchFileException gone) {
      throw ReelForgeException.notFound("File", key);
    } catch (IOException e) {
      throw Files2.failure("cannot read " + key + " from " + root, e);
    }
  }

  @Override
  public Optional<BlobInfo> head(String key) {
    Path file = path(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BlobInfo(key, Files.size(file), Sha256.of(file)));
    } catch (IOException e) {
      throw Files2.failure("cannot read " + key + " from " + root, e);
    }
  }

  @Override
  public List<BlobInfo> list(String prefix) {
    int slash = prefix.lastIndexOf('/');
    Path start = slash < 0 ? root : path(prefix.substring(0, slash));
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    List<BlobInfo> found = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(start)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String key = root.relativize(file).toString().replace('\\', '/');
        if (key.startsWith(prefix) && !Files2.isTemporary(file)) {
          found.add(new BlobInfo(key, Files.size(file), Sha256.of(file)));
        }
      }
    } catch (IOException e) {
      throw Files2.failure("cannot list " + prefix + " in " + root, e);
    }
    return found;
  }

  @Override
  public void delete(String key) {
    Path file = path(key);
    try {
      Files.deleteIfExists(file);
      // Empty folders left behind are removed up to the root, so deleted sessions leave nothing.
      for (Path dir = file.getParent(); dir != null && !dir.equals(root); dir = dir.getParent()) {
        try (Stream<Path> entries = Files.list(dir)) {
          if (entries.findAny().isPresent()) {
            break;
          }
        }
        Files.deleteIfExists(dir);
      }
    } catch (NoSuchFileException raced) {
      // another node or request removed it first: the outcome is the same
    } catch (IOException e) {
      throw Files2.failure("cannot delete " + key + " from " + root, e);
    }
  }

  @Override
  public URI signedUrl(String key, Duration ttl) {
    BlobKeys.check(key);
    long expires = clock.instant().plus(ttl).getEpochSecond();
    StringBuilder path = new StringBuilder(publicUrl).append(ROUTE);
    for (String segment : key.split("/")) {
      path.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
          .append('/');
    }
    path.setLength(path.length() - 1);
    return URI.create(path + "?expires=" + expires + "&signature=" + signature.sign(key, expires));
  }

  /** Whether a signed URL's parts are genuine and unexpired. */
  public boolean verify(String key, long expires, String signed) {
    return signature.verify(key, expires, signed, clock.instant());
  }

  @Override
  public Optional<Path> localPath(String key) {
    return Optional.of(path(key));
  }

  private Path path(String key) {
    Path path = root.resolve(BlobKeys.check(key)).normalize();
    if (!path.startsWith(root) || path.equals(root)) {
      throw ReelForgeException.invalidField("key", "'" + key + "' leaves the storage folder");
    }
    return path;
  }
}

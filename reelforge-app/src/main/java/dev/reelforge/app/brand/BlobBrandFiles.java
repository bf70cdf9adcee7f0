package dev.reelforge.app.brand;

import dev.reelforge.brand.BrandFiles;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.storage.BlobCatalog;
import dev.reelforge.core.storage.RetentionClass;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The brand feature's files in the blob catalog (local folder, S3 or Azure), with the standard
 * retention; the same catalog holds the media jobs' clips, so a scene's clip is read by its key.
 */
final class BlobBrandFiles implements BrandFiles {

  private final BlobCatalog catalog;
  private final Duration linkTtl;

  BlobBrandFiles(BlobCatalog catalog, Duration linkTtl) {
    this.catalog = catalog;
    this.linkTtl = linkTtl;
  }

  @Override
  public void put(String key, Path file) {
    catalog.put(key, file, contentType(key), RetentionClass.STANDARD);
  }

  @Override
  public Path get(String key, Path target) {
    if (catalog.find(key).isEmpty()) {
      throw ReelForgeException.notFound("Brand file", key);
    }
    catalog.get(key, target);
    return target;
  }

  @Override
  public Optional<String> publicUrl(String key) {
    if (catalog.find(key).isEmpty()) {
      return Optional.empty();
    }
    URI signed = catalog.signedUrl(key, linkTtl);
    return signed.isAbsolute() ? Optional.of(signed.toString()) : Optional.empty();
  }

  /** A signed link, relative ({@code /blobs/…}) on a server without a public address. */
  String link(String key) {
    return catalog.signedUrl(key, linkTtl).toString();
  }

  static String contentType(String key) {
    String lower = key.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".png")) {
      return "image/png";
    }
    if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
      return "image/jpeg";
    }
    if (lower.endsWith(".webp")) {
      return "image/webp";
    }
    if (lower.endsWith(".mp4")) {
      return "video/mp4";
    }
    return "application/octet-stream";
  }
}

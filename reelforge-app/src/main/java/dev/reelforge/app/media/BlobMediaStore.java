package dev.reelforge.app.media;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.storage.BlobCatalog;
import dev.reelforge.core.storage.RetentionClass;
import dev.reelforge.mediagen.MediaStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The media feature's store over the blob catalog: identical outputs are kept once, signed links
 * come from the same catalog, and the standard retention applies (90 days unless configured).
 */
final class BlobMediaStore implements MediaStore {

  private final BlobCatalog catalog;
  private final Duration linkTtl;

  BlobMediaStore(BlobCatalog catalog, Duration linkTtl) {
    this.catalog = catalog;
    this.linkTtl = linkTtl;
  }

  @Override
  public void put(String key, Path file, String contentType) {
    catalog.put(key, file, contentType, RetentionClass.STANDARD);
  }

  @Override
  public void copyTo(String key, Path target) {
    if (catalog.find(key).isEmpty()) {
      throw ReelForgeException.notFound("Media file", key);
    }
    catalog.get(key, target);
  }

  /** A signed link, when the store's links are absolute (S3, Azure, or a public URL is set). */
  @Override
  public Optional<String> publicUrl(String key) {
    if (catalog.find(key).isEmpty()) {
      return Optional.empty();
    }
    URI signed = catalog.signedUrl(key, linkTtl);
    return signed.isAbsolute() ? Optional.of(signed.toString()) : Optional.empty();
  }
}

package dev.reelforge.app.media;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.storage.BlobCatalog;
import dev.reelforge.core.storage.RetentionClass;
import dev.reelforge.mediagen.MediaStore;
import java.nio.file.Path;

/**
 * The media feature's store over the blob catalog: identical outputs are kept once, signed links
 * come from the same catalog, and the standard retention applies (90 days unless configured).
 */
final class BlobMediaStore implements MediaStore {

  private final BlobCatalog catalog;

  BlobMediaStore(BlobCatalog catalog) {
    this.catalog = catalog;
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
}

package dev.reelforge.app.brand;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import org.springframework.stereotype.Component;

/**
 * Signed links to the brand feature's files (uploads, style references, previews, finished videos)
 * for the dashboard's pages: relative ({@code /blobs/…}) on a server without a public address, so
 * that the pages' content policy (this server's own images and media) lets them show.
 */
@Component
public final class BrandLinks {

  private final BlobBrandFiles files;

  BrandLinks(BlobBrandFiles files) {
    this.files = files;
  }

  /** The signed link of {@code key}; empty for no key, or a file gone past its retention. */
  public String link(String key) {
    if (key == null || key.isBlank()) {
      return "";
    }
    try {
      return files.link(key);
    } catch (ReelForgeException e) {
      if (e.code() == ErrorCode.RESOURCE_NOT_FOUND) {
        return "";
      }
      throw e;
    }
  }
}

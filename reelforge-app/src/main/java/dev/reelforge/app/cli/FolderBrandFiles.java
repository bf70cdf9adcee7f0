package dev.reelforge.app.cli;

import dev.reelforge.brand.BrandFiles;
import dev.reelforge.mediagen.FolderMediaStore;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The brand feature's files in the {@code brand} command's folder store, the same one the media
 * video jobs keep their frames and clips in, so that a scene's preview is a clip's first frame and
 * a produced clip is read by its key, as the server's blob catalog does.
 */
final class FolderBrandFiles implements BrandFiles {

  private final FolderMediaStore store;

  FolderBrandFiles(FolderMediaStore store) {
    this.store = store;
  }

  @Override
  public void put(String key, Path file) {
    store.put(key, file, "application/octet-stream");
  }

  @Override
  public Path get(String key, Path target) {
    store.copyTo(key, target);
    return target;
  }

  /** Nothing in a folder has an address an outside engine could fetch. */
  @Override
  public Optional<String> publicUrl(String key) {
    return Optional.empty();
  }
}

package dev.reelforge.brand;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the brand feature keeps its files (uploads, style references, previews, finished videos) by
 * key, so that a stage on any node finds what another stage wrote. The app backs it with the blob
 * store.
 */
public interface BrandFiles {

  /** Stores {@code file} under {@code key}, replacing what was there. */
  void put(String key, Path file);

  /**
   * Copies the file under {@code key} to {@code target}.
   *
   * @throws dev.reelforge.core.error.ReelForgeException RESOURCE_NOT_FOUND when there is none
   */
  Path get(String key, Path target);

  /** An address an outside engine can fetch the file from; empty without a public address. */
  Optional<String> publicUrl(String key);
}

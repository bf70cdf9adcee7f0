package dev.reelforge.mediagen;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the jobs' inputs and outputs are kept, by key ({@link MediaKeys}); the app implements it
 * over the blob store, the {@code generate} command over a folder.
 */
public interface MediaStore {

  /** Stores {@code file} under {@code key} (replacing what was there). */
  void put(String key, Path file, String contentType);

  /**
   * Copies what {@code key} holds to {@code target}.
   *
   * @throws dev.reelforge.core.error.ReelForgeException {@code RESOURCE_NOT_FOUND} when nothing is
   *     stored under it
   */
  void copyTo(String key, Path target);

  /**
   * An address an outside service may fetch {@code key} from now (signed and expiring), when this
   * store has one: engines that take frames only by address (Luma) get one made when the job is
   * submitted, not when it was accepted, so that a queued job's link has not expired.
   */
  default Optional<String> publicUrl(String key) {
    return Optional.empty();
  }
}

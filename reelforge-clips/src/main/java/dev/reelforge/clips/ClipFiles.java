package dev.reelforge.clips;

import java.nio.file.Path;

/**
 * Where the clips feature keeps its files by key (sources, speech tracks, transcripts, signals,
 * exported clips), so that a stage on any node finds what another stage wrote. The app backs it
 * with the blob store; the command line with one local folder.
 */
public interface ClipFiles {

  /** Stores {@code file} under {@code key}, replacing what was there. */
  void put(String key, Path file);

  /**
   * A file on this machine holding what is stored under {@code key}: the stored file itself when it
   * already is on this machine (nothing copied — sources are hours long), otherwise a copy under
   * {@code scratch}.
   *
   * @throws dev.reelforge.core.error.ReelForgeException RESOURCE_NOT_FOUND when there is none
   */
  Path local(String key, Path scratch);

  /** Whether something is stored under {@code key}. */
  boolean exists(String key);
}

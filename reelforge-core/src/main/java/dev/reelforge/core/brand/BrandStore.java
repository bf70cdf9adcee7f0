package dev.reelforge.core.brand;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where vision jobs, storyboards and style presets live (seed 001 §3). Reads are scoped to the
 * owner: another owner's row answers as absent. Rows are soft-deleted (seed 001 §5.5).
 */
public interface BrandStore {

  /**
   * Stores a new vision job, unless the owner already has a live one with the same file hash.
   *
   * @return the stored job: the new one, or the earlier one with the same hash (deduplicated)
   */
  Insert insert(VisionJob job);

  /** What {@link #insert} did. */
  record Insert(VisionJob job, boolean deduplicated) {}

  /** The owner's live vision job. */
  Optional<VisionJob> visionJob(UUID ownerId, UUID id);

  /** A vision job by id whoever owns it (for the stages, which run as the engine). */
  Optional<VisionJob> visionJob(UUID id);

  /** The owner's live vision jobs, newest first, at most {@code limit}. */
  List<VisionJob> visionJobs(UUID ownerId, int limit);

  /** Replaces the mutable fields of a vision job (status, results, run, errors, times). */
  VisionJob update(VisionJob job);

  /** Soft-deletes the owner's vision job and its storyboards; false when there is none. */
  boolean deleteVisionJob(UUID ownerId, UUID id);

  /** Stores a new storyboard at version 1. */
  Storyboard insert(Storyboard storyboard);

  /** The owner's live storyboard. */
  Optional<Storyboard> storyboard(UUID ownerId, UUID id);

  /** A storyboard by id whoever owns it (for the stages). */
  Optional<Storyboard> storyboard(UUID id);

  /** The owner's live storyboard that holds the scene {@code sceneId}. */
  Optional<Storyboard> storyboardOfScene(UUID ownerId, UUID sceneId);

  /** The owner's storyboards of one vision job, newest first. */
  List<Storyboard> storyboardsOf(UUID ownerId, UUID jobId);

  /**
   * Replaces a storyboard's mutable fields when its stored version is still {@code
   * storyboard.version()}; the stored version becomes one more.
   *
   * @return the updated storyboard, or empty when another writer changed it in between
   */
  Optional<Storyboard> update(Storyboard storyboard);

  /** The active style presets in display order. */
  List<StylePreset> stylePresets();
}

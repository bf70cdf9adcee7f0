package dev.reelforge.core.clips;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Sources, their candidates, exports and unfinished uploads: PostgreSQL on servers, in memory for
 * the command line. Both held to the testkit's {@code ClipStoreContract}. Callers check ownership.
 */
public interface ClipStore {

  void createSource(ClipSource source);

  Optional<ClipSource> source(UUID sourceId);

  /** An owner's sources, newest first. */
  List<ClipSource> sources(UUID ownerId, int limit);

  /**
   * Changes one source atomically, answering the stored result.
   *
   * @throws dev.reelforge.core.error.ReelForgeException RESOURCE_NOT_FOUND for an unknown source
   */
  ClipSource updateSource(UUID sourceId, UnaryOperator<ClipSource> change);

  /**
   * Replaces a source's candidates with a new analysis's, in one step.
   *
   * @throws dev.reelforge.core.error.ReelForgeException RESOURCE_NOT_FOUND for an unknown source,
   *     CONFLICT when a candidate's id is another source's
   */
  void replaceCandidates(UUID sourceId, List<ClipCandidate> candidates);

  /** A source's candidates by rank. */
  List<ClipCandidate> candidates(UUID sourceId);

  /**
   * Changes one candidate atomically, answering the stored result.
   *
   * @throws dev.reelforge.core.error.ReelForgeException RESOURCE_NOT_FOUND for an unknown one
   */
  ClipCandidate updateCandidate(UUID candidateId, UnaryOperator<ClipCandidate> change);

  /**
   * @throws dev.reelforge.core.error.ReelForgeException RESOURCE_NOT_FOUND for an unknown source
   */
  void createExport(ClipExport export);

  Optional<ClipExport> export(UUID exportId);

  /** A source's exports, newest first. */
  List<ClipExport> exports(UUID sourceId);

  void createUpload(UploadSession upload);

  Optional<UploadSession> upload(UUID uploadId);

  /** Records how many bytes arrived, only forward (a late, smaller count is ignored). */
  UploadSession recordReceived(UUID uploadId, long receivedBytes);

  void deleteUpload(UUID uploadId);

  /**
   * Uploads past their expiry ({@code expiresAt <= now}), soonest expired first, for the upkeep
   * that removes them. A finished upload is deleted once its source is stored, so every one left is
   * unfinished or abandoned.
   */
  List<UploadSession> expiredUploads(Instant now, int limit);

  /**
   * Deletes an owner's sources, candidates, exports and uploads (right to delete), answering how
   * many sources and uploads went.
   */
  int deleteOwner(UUID ownerId);
}

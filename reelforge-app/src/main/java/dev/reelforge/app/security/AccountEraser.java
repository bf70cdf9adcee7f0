package dev.reelforge.app.security;

import dev.reelforge.brand.BrandKeys;
import dev.reelforge.clips.ClipKeys;
import dev.reelforge.core.accounts.AccountErasure;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.RunQuery;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.core.storage.BlobCatalog;
import dev.reelforge.mediagen.MediaKeys;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * The right to delete (seed 002): stops the user's runs, removes its sessions' files (videos,
 * captions, work files, in the blob store and on this machine), its generated images and clips
 * ({@code media/{user}/…}), its brand files (uploads, previews, videos: {@code brand/{user}/…}) and
 * its long videos and clips ({@code clips/{user}/…}), then every row it owns.
 */
public final class AccountEraser {

  private final AccountErasure erasure;
  private final JobService jobs;
  private final Predicate<String> deleteSessionFiles;
  private final ToIntFunction<UUID> deleteMediaFiles;
  private final Audit audit;
  private final ToIntFunction<UUID> disconnectPlatformAccounts;

  public AccountEraser(
      AccountErasure erasure,
      JobService jobs,
      Predicate<String> deleteSessionFiles,
      ToIntFunction<UUID> deleteMediaFiles,
      Audit audit) {
    this(erasure, jobs, deleteSessionFiles, deleteMediaFiles, audit, user -> 0);
  }

  /**
   * @param disconnectPlatformAccounts revokes the user's platform accounts at their platforms (best
   *     effort) and removes them, answering how many
   */
  public AccountEraser(
      AccountErasure erasure,
      JobService jobs,
      Predicate<String> deleteSessionFiles,
      ToIntFunction<UUID> deleteMediaFiles,
      Audit audit,
      ToIntFunction<UUID> disconnectPlatformAccounts) {
    this.erasure = erasure;
    this.jobs = jobs;
    this.deleteSessionFiles = deleteSessionFiles;
    this.deleteMediaFiles = deleteMediaFiles;
    this.audit = audit;
    this.disconnectPlatformAccounts = disconnectPlatformAccounts;
  }

  /**
   * Deletes the blob-store files a user owns outside its sessions, answering how many: generated
   * media and brand files.
   */
  public static ToIntFunction<UUID> deletingOwnedBlobs(BlobCatalog blobs) {
    return user ->
        blobs.deletePrefix(MediaKeys.ownerPrefix(user))
            + blobs.deletePrefix(BrandKeys.ownerPrefix(user))
            + blobs.deletePrefix(ClipKeys.ownerPrefix(user));
  }

  /**
   * What was removed: runs stopped, folders deleted, files deleted outside sessions (generated
   * media and brand files).
   */
  public record Erased(int runsStopped, int foldersDeleted, int mediaFilesDeleted) {}

  /**
   * @throws ReelForgeException RESOURCE_NOT_FOUND for an unknown user
   */
  public Erased erase(UUID userId) {
    List<RunRecord> active =
        jobs.runs(
            RunQuery.all(RunQuery.MAX_LIMIT)
                .ownedBy(userId)
                .withStatuses(RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.AWAITING_REVIEW));
    for (RunRecord run : active) {
      jobs.cancel(run.id(), "erasure");
    }
    List<String> sessions = erasure.sessionIds(userId);
    // Revoked while the tokens are still here to revoke with; the erasure removes any left.
    int platformAccounts = disconnectPlatformAccounts.applyAsInt(userId);
    if (!erasure.erase(userId)) {
      throw ReelForgeException.notFound("User", userId);
    }
    int folders = 0;
    for (String session : sessions) {
      if (deleteSessionFiles.test(session)) {
        folders++;
      }
    }
    int media = deleteMediaFiles.applyAsInt(userId);
    audit.record(
        "user.erase",
        "user",
        userId.toString(),
        null,
        Map.of(
            "runsStopped",
            active.size(),
            "sessions",
            sessions.size(),
            "folders",
            folders,
            "mediaFiles",
            media,
            "platformAccounts",
            platformAccounts));
    return new Erased(active.size(), folders, media);
  }
}

package dev.reelforge.app.security;

import dev.reelforge.core.accounts.AccountErasure;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.RunQuery;
import dev.reelforge.core.jobs.RunRecord;
import dev.reelforge.core.jobs.RunStatus;
import dev.reelforge.core.jobs.engine.JobService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The right to delete (seed 002): stops the user's runs, removes its session folders (videos,
 * captions, work files), then every row it owns.
 */
public final class AccountEraser {

  private final AccountErasure erasure;
  private final JobService jobs;
  private final Function<String, Path> sessionFolder;
  private final Audit audit;

  public AccountEraser(
      AccountErasure erasure, JobService jobs, Function<String, Path> sessionFolder, Audit audit) {
    this.erasure = erasure;
    this.jobs = jobs;
    this.sessionFolder = sessionFolder;
    this.audit = audit;
  }

  /** What was removed: runs stopped, folders deleted. */
  public record Erased(int runsStopped, int foldersDeleted) {}

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
    if (!erasure.erase(userId)) {
      throw ReelForgeException.notFound("User", userId);
    }
    int folders = 0;
    for (String session : sessions) {
      if (deleteTree(sessionFolder.apply(session))) {
        folders++;
      }
    }
    audit.record(
        "user.erase",
        "user",
        userId.toString(),
        null,
        Map.of("runsStopped", active.size(), "sessions", sessions.size(), "folders", folders));
    return new Erased(active.size(), folders);
  }

  private static boolean deleteTree(Path folder) {
    if (!Files.exists(folder)) {
      return false;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + folder, e);
    }
  }
}

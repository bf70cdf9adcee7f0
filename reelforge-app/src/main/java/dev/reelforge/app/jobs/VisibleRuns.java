package dev.reelforge.app.jobs;

import dev.reelforge.app.security.Caller;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.core.accounts.Permission;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.RunRecord;
import dev.reelforge.core.jobs.engine.JobService;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The runs a caller may see: its own, and any when its role holds the permission that widens the
 * view. Everything else answers 404, the same as a run that does not exist.
 */
@Component
public class VisibleRuns {

  private final JobService jobs;

  public VisibleRuns(JobService jobs) {
    this.jobs = jobs;
  }

  /**
   * @throws ReelForgeException RESOURCE_NOT_FOUND for a malformed id, an unknown run, or another
   *     owner's run the caller may not widen to
   */
  public RunRecord find(String runId, Permission widening) {
    UUID id;
    try {
      id = UUID.fromString(runId);
    } catch (IllegalArgumentException e) {
      throw ReelForgeException.notFound("Run", runId);
    }
    RunRecord run = jobs.run(id);
    if (!run.ownerId().equals(RequestOwner.current()) && !callerCan(widening)) {
      throw ReelForgeException.notFound("Run", runId);
    }
    return run;
  }

  public static boolean callerCan(Permission permission) {
    return Caller.current().map(c -> c.can(permission)).orElse(false);
  }
}

package dev.reelforge.app.jobs;

import dev.reelforge.app.web.Caller;
import dev.reelforge.core.accounts.Permission;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.RunRecord;
import java.util.Optional;
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
   * The run for this request's caller.
   *
   * @throws ReelForgeException RESOURCE_NOT_FOUND for a malformed id, an unknown run, or another
   *     owner's run the caller may not widen to
   */
  public RunRecord find(String runId, Permission widening) {
    return find(runId, Caller.current(), widening);
  }

  /** The run for an explicit caller (a WebSocket's, kept from its upgrade request). */
  public RunRecord find(String runId, Optional<Caller> caller, Permission widening) {
    RunRecord run = jobs.run(Ids.parse(runId, "Run"));
    boolean visible =
        caller.map(c -> run.ownerId().equals(c.id()) || c.can(widening)).orElse(false);
    if (!visible) {
      throw ReelForgeException.notFound("Run", runId);
    }
    return run;
  }

  public static boolean callerCan(Permission permission) {
    return Caller.current().map(c -> c.can(permission)).orElse(false);
  }
}

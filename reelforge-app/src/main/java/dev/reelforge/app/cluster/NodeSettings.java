package dev.reelforge.app.cluster;

import jakarta.validation.constraints.NotEmpty;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What this process does in a cluster ({@code reelforge.node.*}); {@code ./reelforge serve --roles
 * api,worker} sets it. See docs/operations.md#roles.
 */
@ConfigurationProperties("reelforge.node")
@Validated
public class NodeSettings {

  /** The roles a process may have. */
  public enum Role {
    /** Serves the REST API, the dashboard and signed downloads. */
    API,
    /** Claims and executes tasks (reelforge.jobs.pools). */
    WORKER,
    /** Runs the periodic upkeep: lease reaping, retention cleanup, expired-key purges. */
    SCHEDULER;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** This process's roles: any of api, worker, scheduler (default all three). */
  @NotEmpty private List<Role> roles = new ArrayList<>(List.of(Role.values()));

  public List<Role> getRoles() {
    return roles;
  }

  public void setRoles(List<Role> roles) {
    this.roles = roles;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}

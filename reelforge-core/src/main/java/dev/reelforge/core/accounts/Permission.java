package dev.reelforge.core.accounts;

/** What a role may do. Routes name the permission they need; roles grant sets of them. */
public enum Permission {
  /** Read one's own sessions, runs, usage and credits. */
  READ_OWN,
  /** Create and change one's own work (sessions, runs, API keys). */
  CREATE_WORK,
  /** Read any user's runs and sessions (support, operations). */
  READ_ANY,
  /** Queues, dead letters, review decisions, cancelling any run. */
  OPERATE_RUNS,
  /** Users, roles, passwords, right-to-delete. */
  MANAGE_USERS,
  /** Credit grants. */
  MANAGE_CREDITS,
  /** Provider / model settings and budgets. */
  MANAGE_SETTINGS,
  /** The audit log. */
  READ_AUDIT
}

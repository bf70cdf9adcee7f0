package dev.reelforge.core.accounts;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Quotas an admin set for one user, replacing the server's defaults for that user and kind (seed
 * 004 §8: "per-user overrides"). Removed with the user.
 */
public interface QuotaOverrides {

  /** The override of {@code kind} for {@code owner}, if one is set. */
  Optional<UsageMeter.Limits> find(UUID owner, String kind);

  /** Every override of {@code owner}, by kind. */
  Map<String, UsageMeter.Limits> all(UUID owner);

  /** Sets (or replaces) the override of {@code kind}. */
  void set(UUID owner, String kind, UsageMeter.Limits limits);

  /**
   * Removes the override of {@code kind}: the defaults apply again.
   *
   * @return whether there was one
   */
  boolean clear(UUID owner, String kind);
}

package dev.reelforge.app.security;

import dev.reelforge.core.accounts.QuotaOverrides;
import dev.reelforge.core.accounts.UsageMeter;
import dev.reelforge.core.error.ReelForgeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Per-user quota overrides (seed 004 §8), for the admin API and the Users page: each kind's limits
 * in force, and whether they are the user's own or the server's defaults. Every change is audited.
 */
public final class Quotas {

  /** The largest limit an admin may set: beyond it, zero (unlimited) says what is meant. */
  public static final int MAX_LIMIT = 1_000_000;

  private final QuotaOverrides overrides;
  private final WorkAdmission admission;
  private final Accounts accounts;
  private final Audit audit;

  public Quotas(QuotaOverrides overrides, WorkAdmission admission, Accounts accounts, Audit audit) {
    this.overrides = overrides;
    this.admission = admission;
    this.accounts = accounts;
    this.audit = audit;
  }

  /** One kind's limits for a user. */
  public record Quota(String kind, int daily, int monthly, boolean overridden) {}

  /**
   * Every metered kind's limits for {@code user}.
   *
   * @throws ReelForgeException RESOURCE_NOT_FOUND for an unknown user
   */
  public List<Quota> of(UUID user) {
    accounts.user(user);
    Map<String, UsageMeter.Limits> own = overrides.all(user);
    return WorkAdmission.KINDS.stream()
        .map(
            kind -> {
              UsageMeter.Limits limits = own.getOrDefault(kind, admission.defaultsOf(kind));
              return new Quota(kind, limits.daily(), limits.monthly(), own.containsKey(kind));
            })
        .toList();
  }

  /** Sets {@code user}'s own limits of {@code kind}; zero means unlimited. */
  public Quota set(UUID user, String kind, int daily, int monthly) {
    checkKind(kind);
    check("daily", daily);
    check("monthly", monthly);
    if (daily > 0 && monthly > 0 && daily > monthly) {
      throw ReelForgeException.invalidField("daily", "must not exceed monthly");
    }
    accounts.user(user);
    UsageMeter.Limits before = admission.limitsOf(user, kind);
    overrides.set(user, kind, new UsageMeter.Limits(daily, monthly));
    audit.record(
        "user.quota",
        "user",
        user.toString(),
        describe(kind, before),
        describe(kind, new UsageMeter.Limits(daily, monthly)));
    return new Quota(kind, daily, monthly, true);
  }

  /** Returns {@code user} to the server's defaults for {@code kind}. */
  public Quota reset(UUID user, String kind) {
    checkKind(kind);
    accounts.user(user);
    UsageMeter.Limits before = admission.limitsOf(user, kind);
    if (overrides.clear(user, kind)) {
      audit.record(
          "user.quota",
          "user",
          user.toString(),
          describe(kind, before),
          describe(kind, admission.defaultsOf(kind)));
    }
    UsageMeter.Limits defaults = admission.defaultsOf(kind);
    return new Quota(kind, defaults.daily(), defaults.monthly(), false);
  }

  private static Map<String, Object> describe(String kind, UsageMeter.Limits limits) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("kind", kind);
    values.put("daily", limits.daily());
    values.put("monthly", limits.monthly());
    return values;
  }

  private static void checkKind(String kind) {
    if (!WorkAdmission.KINDS.contains(kind)) {
      throw ReelForgeException.invalidField(
          "kind", "must be one of " + String.join(", ", WorkAdmission.KINDS));
    }
  }

  private static void check(String field, int value) {
    if (value < 0 || value > MAX_LIMIT) {
      throw ReelForgeException.invalidField(field, "must be 0 (unlimited) to " + MAX_LIMIT);
    }
  }
}

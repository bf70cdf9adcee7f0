package dev.reelforge.app.security;

import dev.reelforge.app.web.Caller;
import dev.reelforge.clips.Clips;
import dev.reelforge.core.accounts.Permission;
import dev.reelforge.core.accounts.QuotaOverrides;
import dev.reelforge.core.accounts.UsageMeter;
import dev.reelforge.core.accounts.UserStore;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.LimitExceededException;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.RunQuery;
import dev.reelforge.core.jobs.spi.RunStatus;
import dev.reelforge.mediagen.MediaJobs;
import dev.reelforge.story.session.SessionAdmission;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Whether a user may start metered work now: quotas per kind (daily and monthly, recorded as they
 * are checked), concurrent runs, and the credits a render costs. Quotas bind users who make work
 * (creators); admins and operators, who run the server, are not metered but still pay credits.
 * Passing 80 % of a quota flags the user for review (seed 004 §10).
 */
public final class WorkAdmission implements SessionAdmission, MediaJobs.Admission, Clips.Admission {

  /** The metered kinds, as {@code GET /me/usage/current} lists them. */
  public static final List<String> KINDS = List.of("script", "render", "image", "video");

  private final UsageMeter meter;
  private final QuotaOverrides overrides;
  private final UserStore users;
  private final JobService jobs;
  private final LimitsSettings limits;
  private final Audit audit;
  private final Clock clock;

  public WorkAdmission(
      UsageMeter meter,
      QuotaOverrides overrides,
      UserStore users,
      JobService jobs,
      LimitsSettings limits,
      Audit audit,
      Clock clock) {
    this.meter = meter;
    this.overrides = overrides;
    this.users = users;
    this.jobs = jobs;
    this.limits = limits;
    this.audit = audit;
    this.clock = clock;
  }

  /** Admits one script generation. */
  @Override
  public void script(UUID owner) {
    consume(owner, "script");
  }

  /**
   * Admits a render of {@code formats} formats.
   *
   * @return the credits it costs, to be debited with the run
   */
  @Override
  public long render(UUID owner, int formats) {
    checkConcurrentRuns(owner);
    consume(owner, "render");
    return limits.getRenderCredits() * Math.max(1, formats);
  }

  /**
   * Admits the analysis of a long video: metered as one render (it decodes the whole source) and
   * priced as one render.
   */
  @Override
  public long analysis(UUID owner, long seconds) {
    checkConcurrentRuns(owner);
    consume(owner, "render");
    return limits.getRenderCredits();
  }

  /**
   * Admits the export of clips: metered as one render, priced as one render per format per started
   * minute of clips.
   */
  @Override
  public long export(UUID owner, long seconds, int presets) {
    checkConcurrentRuns(owner);
    consume(owner, "render");
    long minutes = Math.max(1, (seconds + 59) / 60);
    return limits.getRenderCredits() * Math.max(1, presets) * minutes;
  }

  private void checkConcurrentRuns(UUID owner) {
    if (metered()) {
      int active =
          jobs.runs(
                  RunQuery.all(limits.getConcurrentRuns() + 1)
                      .ownedBy(owner)
                      .withStatuses(RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.AWAITING_REVIEW))
              .size();
      if (active >= limits.getConcurrentRuns()) {
        throw new LimitExceededException(
            ErrorCode.RATE_LIMIT_EXCEEDED,
            "at most " + limits.getConcurrentRuns() + " runs at once; wait for one to finish",
            Duration.ofSeconds(10));
      }
    }
  }

  /**
   * Admits one image job (seed 004 §8).
   *
   * @return the credits it costs, debited when the job is accepted
   */
  @Override
  public long image(UUID owner) {
    consume(owner, "image");
    return limits.getImageCredits();
  }

  /**
   * Admits one video job of {@code seconds}.
   *
   * @return the credits it costs, debited when the job is accepted
   */
  @Override
  public long video(UUID owner, int seconds) {
    consume(owner, "video");
    return limits.getVideoCreditsPerSecond() * Math.max(1, seconds);
  }

  /** The limits of a kind for {@code owner}: an admin's override, else the server's defaults. */
  public UsageMeter.Limits limitsOf(UUID owner, String kind) {
    return overrides.find(owner, kind).orElseGet(() -> defaultsOf(kind));
  }

  /** The server's default limits of a kind ({@code reelforge.limits.*}). */
  public UsageMeter.Limits defaultsOf(String kind) {
    return switch (kind) {
      case "script" -> new UsageMeter.Limits(limits.getScriptDaily(), limits.getScriptMonthly());
      case "render" -> new UsageMeter.Limits(limits.getRenderDaily(), limits.getRenderMonthly());
      case "image" -> new UsageMeter.Limits(limits.getImageDaily(), limits.getImageMonthly());
      case "video" -> new UsageMeter.Limits(limits.getVideoDaily(), limits.getVideoMonthly());
      default -> throw new IllegalArgumentException("unknown kind " + kind);
    };
  }

  private void consume(UUID owner, String kind) {
    UsageMeter.Limits quota = metered() ? limitsOf(owner, kind) : new UsageMeter.Limits(0, 0);
    UsageMeter.Decision decision = meter.consume(owner, kind, 1, quota);
    if (!decision.allowed()) {
      throw new LimitExceededException(
          ErrorCode.QUOTA_EXCEEDED,
          "the "
              + kind
              + " quota of this "
              + decision.exceededPeriod()
              + " is used up; it resets at "
              + decision.resetsAt(),
          Duration.between(clock.instant(), decision.resetsAt()));
    }
    if (nearLimit(decision.today(), quota.daily())
        || nearLimit(decision.thisMonth(), quota.monthly())) {
      flag(owner, kind, decision);
    }
  }

  private void flag(UUID owner, String kind, UsageMeter.Decision decision) {
    boolean flaggedBefore = users.find(owner).map(u -> u.abuseFlaggedAt().isPresent()).orElse(true);
    if (!flaggedBefore) {
      users.flagAbuse(owner);
      audit.record(
          "user.flag-usage",
          "user",
          owner.toString(),
          null,
          Map.of("kind", kind, "today", decision.today(), "thisMonth", decision.thisMonth()));
    }
  }

  private static boolean nearLimit(int used, int limit) {
    return limit > 0 && used * 5 >= limit * 4;
  }

  /** Quotas bind callers who cannot operate the server. */
  private static boolean metered() {
    return Caller.current().map(c -> !c.can(Permission.OPERATE_RUNS)).orElse(false);
  }
}

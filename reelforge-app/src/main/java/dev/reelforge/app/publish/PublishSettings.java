package dev.reelforge.app.publish;

import dev.reelforge.app.settings.CheckedTogether;
import dev.reelforge.app.settings.InvalidSettingException;
import dev.reelforge.core.jobs.api.RetryPolicy;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.publish.PublishPipeline;
import dev.reelforge.publish.QuotaCalendar;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Publishing ({@code reelforge.publish.*}): the local publish folder, the upload retries, the
 * operators' alert webhook and each platform's quota calendar. The platforms' endpoints and
 * accounts are in {@code reelforge.publish.platforms.*} and {@code reelforge.publish.accounts.*}.
 * See docs/publishing.md.
 */
@ConfigurationProperties("reelforge.publish")
@Validated
public class PublishSettings implements CheckedTogether {

  public static final String DEFAULT_FOLDER = "./data/published";

  /**
   * The local publish folder: each post to the local target becomes a folder here with the video,
   * thumbnail, captions and metadata.json. Unset, the published folder of reelforge.data-dir.
   */
  @NotNull private Path folder = Path.of(DEFAULT_FOLDER);

  @Valid private final Retry retry = new Retry();

  @Valid private final Alerts alerts = new Alerts();

  @Valid private final Quotas quotas = new Quotas();

  @Override
  public void checkTogether() {
    check("youtube", quotas.youtube);
    check("tiktok", quotas.tiktok);
    check("instagram", quotas.instagram);
    check("facebook", quotas.facebook);
    checkAlerts();
  }

  private void checkAlerts() {
    if (!alerts.webhookUrl.isBlank()
        && !alerts.webhookUrl.startsWith("https://")
        && !alerts.webhookUrl.startsWith("http://")) {
      throw new InvalidSettingException(
          "reelforge.publish.alerts.webhook-url: an http(s) URL, or empty");
    }
    if (!alerts.webhookUrl.isBlank() && alerts.webhookSecret.length() < 16) {
      throw new InvalidSettingException(
          "reelforge.publish.alerts.webhook-secret: at least 16 characters when webhook-url is set");
    }
  }

  private static void check(String platform, Quota quota) {
    String prefix = "reelforge.publish.quotas." + platform;
    try {
      ZoneId.of(quota.zone);
    } catch (java.time.DateTimeException e) {
      throw new InvalidSettingException(
          prefix + ".zone: '" + quota.zone + "' is not a time zone (e.g. America/Los_Angeles)");
    }
    if (quota.capacity > 0 && quota.unitsPerPost > quota.capacity) {
      throw new InvalidSettingException(
          prefix + ".units-per-post: one post may not cost more than the capacity");
    }
    if (quota.window != null && (quota.window.isNegative() || quota.window.isZero())) {
      throw new InvalidSettingException(prefix + ".window: must be positive");
    }
  }

  public RetryPolicy retryPolicy() {
    return new RetryPolicy(
        retry.attempts,
        retry.initialBackoff,
        retry.maxBackoff.compareTo(retry.initialBackoff) < 0
            ? retry.initialBackoff
            : retry.maxBackoff,
        4.0,
        0.2);
  }

  public List<QuotaCalendar> calendars() {
    List<QuotaCalendar> calendars = new ArrayList<>();
    calendars.add(quotas.youtube.calendar(Platform.YOUTUBE));
    calendars.add(quotas.tiktok.calendar(Platform.TIKTOK));
    calendars.add(quotas.instagram.calendar(Platform.INSTAGRAM));
    calendars.add(quotas.facebook.calendar(Platform.FACEBOOK));
    return calendars;
  }

  /** How failed uploads are tried again (seed 002: three attempts with a growing wait). */
  public static class Retry {

    /** Attempts per upload before the target is marked failed and operators are alerted. */
    @Min(1)
    @Max(10)
    private int attempts = PublishPipeline.RETRY.maxAttempts();

    /** The wait after the first failure; each next wait is four times longer. */
    @NotNull private Duration initialBackoff = PublishPipeline.RETRY.initialBackoff();

    /** The longest wait between two attempts. */
    @NotNull private Duration maxBackoff = PublishPipeline.RETRY.maxBackoff();

    public int getAttempts() {
      return attempts;
    }

    public void setAttempts(int attempts) {
      this.attempts = attempts;
    }

    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }
  }

  /** Where operators hear of a target that failed after its retries. */
  public static class Alerts {

    /**
     * An operators' webhook (https://…) told of each failed target with a signed JSON POST; empty:
     * the failure shows on the dashboard's operations page and in the run's events only.
     */
    @NotNull private String webhookUrl = "";

    /** The secret the alert is signed with (ReelForge-Signature, as user webhooks are). */
    @NotNull private String webhookSecret = "";

    public String getWebhookSecret() {
      return webhookSecret;
    }

    public void setWebhookSecret(String webhookSecret) {
      this.webhookSecret = webhookSecret;
    }

    public String getWebhookUrl() {
      return webhookUrl;
    }

    public void setWebhookUrl(String webhookUrl) {
      this.webhookUrl = webhookUrl;
    }
  }

  /** Each platform's quota calendar; past it, a target is deferred to the next window. */
  public static class Quotas {

    @Valid private final Quota youtube = Quota.of(QuotaCalendar.youtubeDefault());

    @Valid private final Quota tiktok = Quota.of(QuotaCalendar.tiktokDefault());

    @Valid private final Quota instagram = Quota.of(QuotaCalendar.instagramDefault());

    @Valid private final Quota facebook = Quota.of(QuotaCalendar.facebookDefault());

    public Quota getYoutube() {
      return youtube;
    }

    public Quota getTiktok() {
      return tiktok;
    }

    public Quota getInstagram() {
      return instagram;
    }

    public Quota getFacebook() {
      return facebook;
    }
  }

  /**
   * One platform's quota: {@code capacity} units per window, a post costing {@code units-per-post};
   * the window is {@code window} long and rolling, or (window unset) a calendar day in {@code
   * zone}.
   */
  public static class Quota {

    /** Units per window; 0 turns the calendar off. */
    @Min(0)
    private int capacity;

    /** What one post costs (YouTube's videos.insert: 1600 units). */
    @Min(1)
    private int unitsPerPost = 1;

    /** A rolling window's length (24h, 1m); unset, a calendar day in zone. */
    private Duration window;

    /** The time zone of a calendar-day window (YouTube's quota day is Pacific time). */
    @NotBlank private String zone = "UTC";

    static Quota of(QuotaCalendar calendar) {
      Quota quota = new Quota();
      quota.capacity = calendar.capacity();
      quota.unitsPerPost = calendar.unitsPerPost();
      quota.window = calendar.rolling().orElse(null);
      quota.zone = calendar.zone().getId();
      return quota;
    }

    QuotaCalendar calendar(Platform platform) {
      return new QuotaCalendar(
          platform, capacity, unitsPerPost, Optional.ofNullable(window), ZoneId.of(zone));
    }

    public int getCapacity() {
      return capacity;
    }

    public void setCapacity(int capacity) {
      this.capacity = capacity;
    }

    public int getUnitsPerPost() {
      return unitsPerPost;
    }

    public void setUnitsPerPost(int unitsPerPost) {
      this.unitsPerPost = unitsPerPost;
    }

    public Duration getWindow() {
      return window;
    }

    public void setWindow(Duration window) {
      this.window = window;
    }

    public String getZone() {
      return zone;
    }

    public void setZone(String zone) {
      this.zone = zone;
    }
  }

  public Path getFolder() {
    return folder;
  }

  public void setFolder(Path folder) {
    this.folder = folder;
  }

  public Retry getRetry() {
    return retry;
  }

  public Alerts getAlerts() {
    return alerts;
  }

  public Quotas getQuotas() {
    return quotas;
  }
}

package dev.reelforge.app.security;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What a user may spend ({@code reelforge.limits.*}): credits, quotas per kind of work, and rate
 * limits per endpoint class. All are shared by the instances of one database. See docs/security.md.
 */
@ConfigurationProperties("reelforge.limits")
@Validated
public class LimitsSettings {

  /** Credits a new user starts with. */
  @Min(0)
  private long initialCredits = 100;

  /** Credits one rendered format of a story costs (a finalize of 3 formats costs 3 of these). */
  @Min(0)
  private long renderCredits = 1;

  /** Script generations per user per day (seed 000: 300); 0 means unlimited. */
  @Min(0)
  private int scriptDaily = 300;

  /** Script generations per user per month; 0 means unlimited. */
  @Min(0)
  private int scriptMonthly = 6000;

  /** Renders (finalize runs) per user per day; 0 means unlimited. */
  @Min(0)
  private int renderDaily = 20;

  /** Renders per user per month; 0 means unlimited. */
  @Min(0)
  private int renderMonthly = 300;

  /** Image generations per user per day (seed 004: 20); 0 means unlimited. */
  @Min(0)
  private int imageDaily = 20;

  /** Image generations per user per month (seed 004: 200); 0 means unlimited. */
  @Min(0)
  private int imageMonthly = 200;

  /** Video generations per user per day (seed 004: 5); 0 means unlimited. */
  @Min(0)
  private int videoDaily = 5;

  /** Video generations per user per month (seed 004: 50); 0 means unlimited. */
  @Min(0)
  private int videoMonthly = 50;

  /** Credits one image job costs, debited when it is accepted and refunded once if it fails. */
  @Min(0)
  private long imageCredits = 1;

  /** Credits one second of a video job costs (a 5 s clip costs 5 of these). */
  @Min(0)
  private long videoCreditsPerSecond = 1;

  /** Runs of one user queued or running at once (seed 000: 3 concurrent renders). */
  @Min(1)
  private int concurrentRuns = 3;

  /** Login, refresh and logout attempts per minute per client address (seed 004: 5). */
  @Min(1)
  private int authPerMinute = 5;

  /** Requests per minute per user to routes that call AI providers (seed 004: 30). */
  @Min(1)
  private int aiPerMinute = 30;

  /** Render requests (finalize, render) per minute per user (seed 000: 5). */
  @Min(1)
  private int renderPerMinute = 5;

  /** Image and video job requests per minute per user (seed 004 §10: media 10). */
  @Min(1)
  private int mediaPerMinute = 10;

  /** Brand picture uploads per minute per user (seed 001 §5.3: 20). */
  @Min(1)
  private int brandUploadPerMinute = 20;

  /** Director storyboards written (POST /api/director/init) per minute per user (seed 001: 10). */
  @Min(1)
  private int brandGeneratePerMinute = 10;

  /** Storyboard scene edits, re-rolls and approvals per minute per user (seed 001: 30). */
  @Min(1)
  private int brandRefinePerMinute = 30;

  /** Brand productions sent to the video engines per minute per user (seed 001: 5). */
  @Min(1)
  private int brandProductionPerMinute = 5;

  /** Publications started and failed targets retried per minute per user. */
  @Min(1)
  private int publishPerMinute = 10;

  /** Voice and caption previews per minute per user (seed 000: 10). */
  @Min(1)
  private int previewPerMinute = 10;

  /** Any other API request per minute per user, or per address before sign-in (seed 001: 100). */
  @Min(1)
  private int generalPerMinute = 100;

  public long getInitialCredits() {
    return initialCredits;
  }

  public void setInitialCredits(long initialCredits) {
    this.initialCredits = initialCredits;
  }

  public long getRenderCredits() {
    return renderCredits;
  }

  public void setRenderCredits(long renderCredits) {
    this.renderCredits = renderCredits;
  }

  public int getScriptDaily() {
    return scriptDaily;
  }

  public void setScriptDaily(int scriptDaily) {
    this.scriptDaily = scriptDaily;
  }

  public int getScriptMonthly() {
    return scriptMonthly;
  }

  public void setScriptMonthly(int scriptMonthly) {
    this.scriptMonthly = scriptMonthly;
  }

  public int getRenderDaily() {
    return renderDaily;
  }

  public void setRenderDaily(int renderDaily) {
    this.renderDaily = renderDaily;
  }

  public int getRenderMonthly() {
    return renderMonthly;
  }

  public void setRenderMonthly(int renderMonthly) {
    this.renderMonthly = renderMonthly;
  }

  public int getImageDaily() {
    return imageDaily;
  }

  public void setImageDaily(int imageDaily) {
    this.imageDaily = imageDaily;
  }

  public int getImageMonthly() {
    return imageMonthly;
  }

  public void setImageMonthly(int imageMonthly) {
    this.imageMonthly = imageMonthly;
  }

  public int getVideoDaily() {
    return videoDaily;
  }

  public void setVideoDaily(int videoDaily) {
    this.videoDaily = videoDaily;
  }

  public int getVideoMonthly() {
    return videoMonthly;
  }

  public void setVideoMonthly(int videoMonthly) {
    this.videoMonthly = videoMonthly;
  }

  public int getConcurrentRuns() {
    return concurrentRuns;
  }

  public void setConcurrentRuns(int concurrentRuns) {
    this.concurrentRuns = concurrentRuns;
  }

  public int getAuthPerMinute() {
    return authPerMinute;
  }

  public void setAuthPerMinute(int authPerMinute) {
    this.authPerMinute = authPerMinute;
  }

  public int getAiPerMinute() {
    return aiPerMinute;
  }

  public void setAiPerMinute(int aiPerMinute) {
    this.aiPerMinute = aiPerMinute;
  }

  public int getRenderPerMinute() {
    return renderPerMinute;
  }

  public void setRenderPerMinute(int renderPerMinute) {
    this.renderPerMinute = renderPerMinute;
  }

  public int getPreviewPerMinute() {
    return previewPerMinute;
  }

  public void setPreviewPerMinute(int previewPerMinute) {
    this.previewPerMinute = previewPerMinute;
  }

  public int getGeneralPerMinute() {
    return generalPerMinute;
  }

  public void setGeneralPerMinute(int generalPerMinute) {
    this.generalPerMinute = generalPerMinute;
  }

  public long getImageCredits() {
    return imageCredits;
  }

  public void setImageCredits(long imageCredits) {
    this.imageCredits = imageCredits;
  }

  public long getVideoCreditsPerSecond() {
    return videoCreditsPerSecond;
  }

  public void setVideoCreditsPerSecond(long videoCreditsPerSecond) {
    this.videoCreditsPerSecond = videoCreditsPerSecond;
  }

  public int getMediaPerMinute() {
    return mediaPerMinute;
  }

  public void setMediaPerMinute(int mediaPerMinute) {
    this.mediaPerMinute = mediaPerMinute;
  }

  public int getBrandUploadPerMinute() {
    return brandUploadPerMinute;
  }

  public void setBrandUploadPerMinute(int brandUploadPerMinute) {
    this.brandUploadPerMinute = brandUploadPerMinute;
  }

  public int getBrandGeneratePerMinute() {
    return brandGeneratePerMinute;
  }

  public void setBrandGeneratePerMinute(int brandGeneratePerMinute) {
    this.brandGeneratePerMinute = brandGeneratePerMinute;
  }

  public int getBrandRefinePerMinute() {
    return brandRefinePerMinute;
  }

  public void setBrandRefinePerMinute(int brandRefinePerMinute) {
    this.brandRefinePerMinute = brandRefinePerMinute;
  }

  public int getPublishPerMinute() {
    return publishPerMinute;
  }

  public void setPublishPerMinute(int publishPerMinute) {
    this.publishPerMinute = publishPerMinute;
  }

  public int getBrandProductionPerMinute() {
    return brandProductionPerMinute;
  }

  public void setBrandProductionPerMinute(int brandProductionPerMinute) {
    this.brandProductionPerMinute = brandProductionPerMinute;
  }
}

package dev.reelforge.providers.instagram;

import static dev.reelforge.providers.http.OptionChecks.positive;
import static dev.reelforge.providers.http.OptionChecks.present;
import static dev.reelforge.providers.http.OptionChecks.url;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.http.OptionChecks;
import dev.reelforge.providers.http.ResilienceOptions;
import dev.reelforge.providers.meta.GraphVersion;
import java.time.Duration;

/**
 * How to publish Instagram Reels through the Instagram Graph API, validated when built: errors name
 * the setting of the {@code reelforge.publish.platforms.instagram} tree to fix. No key lives here:
 * each connected account brings its own token.
 *
 * @param baseUrl the Graph host: {@code https://graph.facebook.com} for accounts connected with
 *     Facebook Login, {@code https://graph.instagram.com} for Instagram Login
 * @param apiVersion the Graph API version, e.g. {@code v21.0}
 * @param pollEvery how long to wait between checks of a container Instagram is processing
 * @param shareToFeed whether the reel also shows in the profile's feed grid
 * @param thumbOffset where in the video the cover frame is taken; zero lets Instagram choose
 * @param writeTimeout the limit on one write (creating a container, publishing it)
 * @param resilience timeouts, retries, breaker and concurrency of each read
 */
public record InstagramOptions(
    String baseUrl,
    String apiVersion,
    Duration pollEvery,
    boolean shareToFeed,
    Duration thumbOffset,
    Duration writeTimeout,
    ResilienceOptions resilience) {

  /** The settings tree these options are read from, named in validation errors. */
  public static final String SETTINGS = "reelforge.publish.platforms.instagram";

  public static final String DEFAULT_BASE_URL = "https://graph.facebook.com";

  public static final String DEFAULT_API_VERSION = GraphVersion.DEFAULT;

  /** Meta asks for at most one status check a minute per container; reels take a minute or so. */
  public static final Duration DEFAULT_POLL_EVERY = Duration.ofSeconds(60);

  public static final boolean DEFAULT_SHARE_TO_FEED = true;

  public static final Duration DEFAULT_THUMB_OFFSET = Duration.ZERO;

  public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(60);

  public InstagramOptions {
    baseUrl = url(SETTINGS + ".base-url", baseUrl);
    apiVersion = GraphVersion.check(SETTINGS + ".api-version", apiVersion);
    positive(SETTINGS + ".poll-every", pollEvery);
    present(SETTINGS + ".thumb-offset", thumbOffset);
    if (thumbOffset.isNegative()) {
      throw ReelForgeException.invalidField(
          SETTINGS + ".thumb-offset", "must not be negative, not " + thumbOffset);
    }
    positive(SETTINGS + ".write-timeout", writeTimeout);
    present(OptionChecks.HTTP_SETTINGS, resilience);
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** Starts from the defaults; every setting has one. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private String apiVersion = DEFAULT_API_VERSION;
    private Duration pollEvery = DEFAULT_POLL_EVERY;
    private boolean shareToFeed = DEFAULT_SHARE_TO_FEED;
    private Duration thumbOffset = DEFAULT_THUMB_OFFSET;
    private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
    private ResilienceOptions resilience = ResilienceOptions.defaults();

    private Builder() {}

    public Builder setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder setApiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
      return this;
    }

    public Builder setPollEvery(Duration pollEvery) {
      this.pollEvery = pollEvery;
      return this;
    }

    public Builder setShareToFeed(boolean shareToFeed) {
      this.shareToFeed = shareToFeed;
      return this;
    }

    public Builder setThumbOffset(Duration thumbOffset) {
      this.thumbOffset = thumbOffset;
      return this;
    }

    public Builder setWriteTimeout(Duration writeTimeout) {
      this.writeTimeout = writeTimeout;
      return this;
    }

    public Builder setResilience(ResilienceOptions resilience) {
      this.resilience = resilience;
      return this;
    }

    /**
     * @throws ReelForgeException {@code INVALID_INPUT} naming the setting that is wrong
     */
    public InstagramOptions build() {
      return new InstagramOptions(
          baseUrl, apiVersion, pollEvery, shareToFeed, thumbOffset, writeTimeout, resilience);
    }
  }
}

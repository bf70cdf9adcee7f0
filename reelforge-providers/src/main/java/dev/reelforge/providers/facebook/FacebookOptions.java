package dev.reelforge.providers.facebook;

import static dev.reelforge.providers.http.OptionChecks.atLeast;
import static dev.reelforge.providers.http.OptionChecks.positive;
import static dev.reelforge.providers.http.OptionChecks.present;
import static dev.reelforge.providers.http.OptionChecks.url;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.providers.http.OptionChecks;
import dev.reelforge.providers.http.ResilienceOptions;
import dev.reelforge.providers.meta.GraphVersion;
import java.time.Duration;

/**
 * How to publish Facebook Reels to a Page through the Graph API's {@code video_reels}, validated
 * when built: errors name the setting of the {@code reelforge.publish.platforms.facebook} tree to
 * fix. No key lives here: each connected Page brings its own Page token.
 *
 * @param baseUrl the Graph host, {@code https://graph.facebook.com}
 * @param uploadUrl the upload host, {@code https://rupload.facebook.com} (used when the start
 *     answer names no {@code upload_url})
 * @param apiVersion the Graph API version, e.g. {@code v21.0}
 * @param pollEvery how long to wait between checks of a reel Facebook is processing
 * @param chunkBytes bytes sent per upload request; between chunks the confirmed offset is stored
 *     and cancellation checked
 * @param chunkTimeout the limit on one upload request
 * @param writeTimeout the limit on the other writes (start, finish)
 * @param reelsPerDay the Page's cap on API-published reels per 24 hours (30, documented), for
 *     telling when a deferred reel may go
 * @param resilience timeouts, retries, breaker and concurrency of each read
 */
public record FacebookOptions(
    String baseUrl,
    String uploadUrl,
    String apiVersion,
    Duration pollEvery,
    int chunkBytes,
    Duration chunkTimeout,
    Duration writeTimeout,
    int reelsPerDay,
    ResilienceOptions resilience) {

  /** The settings tree these options are read from, named in validation errors. */
  public static final String SETTINGS = "reelforge.publish.platforms.facebook";

  public static final String DEFAULT_BASE_URL = "https://graph.facebook.com";

  public static final String DEFAULT_UPLOAD_URL = "https://rupload.facebook.com";

  public static final String DEFAULT_API_VERSION = GraphVersion.DEFAULT;

  public static final Duration DEFAULT_POLL_EVERY = Duration.ofSeconds(20);

  /**
   * 8 MiB: a lost chunk costs seconds, and a short's few tens of MB go in a handful of requests.
   */
  public static final int DEFAULT_CHUNK_BYTES = 8 * 1024 * 1024;

  /** The smallest chunk accepted: below it the requests cost more than the bytes. */
  public static final int MIN_CHUNK_BYTES = 256 * 1024;

  public static final Duration DEFAULT_CHUNK_TIMEOUT = Duration.ofMinutes(2);

  public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(60);

  /** The Reels Publishing API's documented cap per Page over a moving 24 hours. */
  public static final int DEFAULT_REELS_PER_DAY = 30;

  public FacebookOptions {
    baseUrl = url(SETTINGS + ".base-url", baseUrl);
    uploadUrl = url(SETTINGS + ".upload-url", uploadUrl);
    apiVersion = GraphVersion.check(SETTINGS + ".api-version", apiVersion);
    positive(SETTINGS + ".poll-every", pollEvery);
    atLeast(SETTINGS + ".chunk-bytes", chunkBytes, MIN_CHUNK_BYTES);
    positive(SETTINGS + ".chunk-timeout", chunkTimeout);
    positive(SETTINGS + ".write-timeout", writeTimeout);
    atLeast(SETTINGS + ".reels-per-day", reelsPerDay, 1);
    present(OptionChecks.HTTP_SETTINGS, resilience);
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** Starts from the defaults; every setting has one. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private String uploadUrl = DEFAULT_UPLOAD_URL;
    private String apiVersion = DEFAULT_API_VERSION;
    private Duration pollEvery = DEFAULT_POLL_EVERY;
    private int chunkBytes = DEFAULT_CHUNK_BYTES;
    private Duration chunkTimeout = DEFAULT_CHUNK_TIMEOUT;
    private Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
    private int reelsPerDay = DEFAULT_REELS_PER_DAY;
    private ResilienceOptions resilience = ResilienceOptions.defaults();

    private Builder() {}

    public Builder setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder setUploadUrl(String uploadUrl) {
      this.uploadUrl = uploadUrl;
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

    public Builder setChunkBytes(int chunkBytes) {
      this.chunkBytes = chunkBytes;
      return this;
    }

    public Builder setChunkTimeout(Duration chunkTimeout) {
      this.chunkTimeout = chunkTimeout;
      return this;
    }

    public Builder setWriteTimeout(Duration writeTimeout) {
      this.writeTimeout = writeTimeout;
      return this;
    }

    public Builder setReelsPerDay(int reelsPerDay) {
      this.reelsPerDay = reelsPerDay;
      return this;
    }

    public Builder setResilience(ResilienceOptions resilience) {
      this.resilience = resilience;
      return this;
    }

    /**
     * @throws ReelForgeException {@code INVALID_INPUT} naming the setting that is wrong
     */
    public FacebookOptions build() {
      return new FacebookOptions(
          baseUrl,
          uploadUrl,
          apiVersion,
          pollEvery,
          chunkBytes,
          chunkTimeout,
          writeTimeout,
          reelsPerDay,
          resilience);
    }
  }
}

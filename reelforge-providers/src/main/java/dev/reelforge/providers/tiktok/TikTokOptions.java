package dev.reelforge.providers.tiktok;

import static dev.reelforge.providers.http.OptionChecks.positive;
import static dev.reelforge.providers.http.OptionChecks.url;

import dev.reelforge.core.error.ReelForgeException;
import java.time.Duration;
import java.util.Locale;

/**
 * How to reach TikTok's Content Posting API, validated when built: errors name the setting of the
 * {@code reelforge.providers.tiktok} tree to fix. The account's token comes with each call.
 *
 * @param baseUrl the API's base URL, http(s); the upload URL comes whole from TikTok
 * @param chunkBytes the bytes per chunk, within TikTok's 5–64 MB (a file no larger goes whole)
 * @param pollEvery how long to wait between status checks while TikTok processes the post
 * @param inbox whether to upload to the creator's inbox as a draft ({@code
 *     /v2/post/publish/inbox/video/init/}, scope {@code video.upload}) instead of posting directly
 *     ({@code video.publish}, which needs an audited app to post publicly)
 * @param requestTimeout the limit of one request, a chunk's included
 */
public record TikTokOptions(
    String baseUrl, int chunkBytes, Duration pollEvery, boolean inbox, Duration requestTimeout) {

  /** The settings tree these options are read from, named in validation errors. */
  public static final String SETTINGS = "reelforge.publish.platforms.tiktok";

  public static final String DEFAULT_BASE_URL = "https://open.tiktokapis.com";

  /** TikTok's least chunk, read as 5 MiB so that it holds whether TikTok means MB or MiB. */
  public static final int MIN_CHUNK_BYTES = 5 * 1024 * 1024;

  /** TikTok's largest chunk but the last, read as 64,000,000 bytes for the same reason. */
  public static final int MAX_CHUNK_BYTES = 64_000_000;

  /** The chunk size of TikTok's own example. */
  public static final int DEFAULT_CHUNK_BYTES = 10_000_000;

  /** TikTok allows 30 status checks a minute per token; a short is processed within a minute. */
  public static final Duration DEFAULT_POLL_EVERY = Duration.ofSeconds(10);

  public static final boolean DEFAULT_INBOX = false;

  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(5);

  public TikTokOptions {
    baseUrl = url(SETTINGS + ".base-url", baseUrl);
    if (chunkBytes < MIN_CHUNK_BYTES || chunkBytes > MAX_CHUNK_BYTES) {
      throw ReelForgeException.invalidField(
          SETTINGS + ".chunk-size",
          "must be between 5 MiB and 64 MB ("
              + MIN_CHUNK_BYTES
              + "–"
              + MAX_CHUNK_BYTES
              + " bytes), as TikTok requires, not "
              + chunkBytes);
    }
    positive(SETTINGS + ".poll-every", pollEvery);
    positive(SETTINGS + ".request-timeout", requestTimeout);
  }

  /** {@code direct} or {@code inbox}, as the setting {@code post-mode} spells it. */
  public static boolean inboxMode(String postMode) {
    String mode = postMode == null ? "" : postMode.strip().toLowerCase(Locale.ROOT);
    return switch (mode) {
      case "direct", "" -> false;
      case "inbox" -> true;
      default ->
          throw ReelForgeException.invalidField(
              SETTINGS + ".post-mode", "must be direct or inbox, not '" + postMode + "'");
    };
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** Starts from the defaults. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private int chunkBytes = DEFAULT_CHUNK_BYTES;
    private Duration pollEvery = DEFAULT_POLL_EVERY;
    private boolean inbox = DEFAULT_INBOX;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

    private Builder() {}

    public Builder setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder setChunkBytes(int chunkBytes) {
      this.chunkBytes = chunkBytes;
      return this;
    }

    public Builder setPollEvery(Duration pollEvery) {
      this.pollEvery = pollEvery;
      return this;
    }

    public Builder setInbox(boolean inbox) {
      this.inbox = inbox;
      return this;
    }

    /** {@code direct} (the default) or {@code inbox}. */
    public Builder setPostMode(String postMode) {
      this.inbox = inboxMode(postMode);
      return this;
    }

    public Builder setRequestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    /**
     * @throws ReelForgeException {@code INVALID_INPUT} naming the setting that is wrong
     */
    public TikTokOptions build() {
      return new TikTokOptions(baseUrl, chunkBytes, pollEvery, inbox, requestTimeout);
    }
  }
}

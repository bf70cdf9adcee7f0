package dev.reelforge.providers.youtube;

import static dev.reelforge.providers.http.OptionChecks.positive;
import static dev.reelforge.providers.http.OptionChecks.url;

import dev.reelforge.core.error.ReelForgeException;
import java.time.Duration;

/**
 * How to reach YouTube's Data API v3 for uploads, validated when built: errors name the setting of
 * the {@code reelforge.providers.youtube} tree to fix. The account's token comes with each call
 * (the connected account's), not from here.
 *
 * @param baseUrl the API's base URL, http(s); the upload path {@code /upload/youtube/v3/videos} is
 *     appended
 * @param chunkBytes the bytes sent per request: a multiple of 256 KiB, as the resumable protocol
 *     requires of every chunk but the last
 * @param madeForKids what {@code status.selfDeclaredMadeForKids} declares (COPPA)
 * @param requestTimeout the limit of one request, a chunk's included
 */
public record YouTubeOptions(
    String baseUrl, int chunkBytes, boolean madeForKids, Duration requestTimeout) {

  /** The settings tree these options are read from, named in validation errors. */
  public static final String SETTINGS = "reelforge.publish.platforms.youtube";

  public static final String DEFAULT_BASE_URL = "https://www.googleapis.com";

  /** The resumable protocol's unit: every chunk but the last is a multiple of it. */
  public static final int CHUNK_UNIT = 256 * 1024;

  /** 8 MiB: few requests for a short, little to send again when one fails. */
  public static final int DEFAULT_CHUNK_BYTES = 32 * CHUNK_UNIT;

  /** At most 256 MiB per request, so that a chunk stays a bounded buffer. */
  public static final int MAX_CHUNK_BYTES = 1024 * CHUNK_UNIT;

  public static final boolean DEFAULT_MADE_FOR_KIDS = false;

  /** Long enough for one 8 MiB chunk on a slow uplink. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(5);

  public YouTubeOptions {
    baseUrl = url(SETTINGS + ".base-url", baseUrl);
    if (chunkBytes < CHUNK_UNIT || chunkBytes > MAX_CHUNK_BYTES || chunkBytes % CHUNK_UNIT != 0) {
      throw ReelForgeException.invalidField(
          SETTINGS + ".chunk-size",
          "must be a multiple of 256 KiB between 256 KiB and 256 MiB, not "
              + chunkBytes
              + " bytes");
    }
    positive(SETTINGS + ".request-timeout", requestTimeout);
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** Starts from the defaults. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private int chunkBytes = DEFAULT_CHUNK_BYTES;
    private boolean madeForKids = DEFAULT_MADE_FOR_KIDS;
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

    public Builder setMadeForKids(boolean madeForKids) {
      this.madeForKids = madeForKids;
      return this;
    }

    public Builder setRequestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    /**
     * @throws ReelForgeException {@code INVALID_INPUT} naming the setting that is wrong
     */
    public YouTubeOptions build() {
      return new YouTubeOptions(baseUrl, chunkBytes, madeForKids, requestTimeout);
    }
  }
}

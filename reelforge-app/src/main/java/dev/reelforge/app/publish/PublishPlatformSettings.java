package dev.reelforge.app.publish;

import dev.reelforge.providers.facebook.FacebookOptions;
import dev.reelforge.providers.instagram.InstagramOptions;
import dev.reelforge.providers.tiktok.TikTokOptions;
import dev.reelforge.providers.youtube.YouTubeOptions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The platforms publishing can post to ({@code reelforge.publish.platforms.*}): each is off until
 * {@code enabled} is set (and a user has connected an account, see {@code
 * reelforge.publish.accounts.*}); the endpoints default to the platforms' own and point at local
 * stubs in tests. See docs/publishing.md.
 */
@ConfigurationProperties("reelforge.publish.platforms")
@Validated
public class PublishPlatformSettings {

  @Valid private final YouTube youtube = new YouTube();
  @Valid private final TikTok tiktok = new TikTok();
  @Valid private final Instagram instagram = new Instagram();
  @Valid private final Facebook facebook = new Facebook();

  /** Instagram Reels through the Instagram Graph API (the platform fetches the video's URL). */
  public static class Instagram {

    /**
     * Whether users may publish to Instagram on this server (needs reelforge.storage.public-url).
     */
    private boolean enabled;

    /** The Graph API's base URL. */
    @NotBlank private String baseUrl = InstagramOptions.DEFAULT_BASE_URL;

    /** The Graph API version, e.g. v21.0. */
    @NotBlank private String apiVersion = InstagramOptions.DEFAULT_API_VERSION;

    /** How often a container's status_code is asked while Instagram processes it. */
    @NotNull private Duration pollEvery = InstagramOptions.DEFAULT_POLL_EVERY;

    /** Whether the reel also appears in the profile's feed. */
    private boolean shareToFeed = InstagramOptions.DEFAULT_SHARE_TO_FEED;

    InstagramOptions options() {
      return InstagramOptions.newBuilder()
          .setBaseUrl(baseUrl)
          .setApiVersion(apiVersion)
          .setPollEvery(pollEvery)
          .setShareToFeed(shareToFeed)
          .build();
    }

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getBaseUrl() {
      return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    public String getApiVersion() {
      return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
    }

    public Duration getPollEvery() {
      return pollEvery;
    }

    public void setPollEvery(Duration pollEvery) {
      this.pollEvery = pollEvery;
    }

    public boolean isShareToFeed() {
      return shareToFeed;
    }

    public void setShareToFeed(boolean shareToFeed) {
      this.shareToFeed = shareToFeed;
    }
  }

  /** Facebook Reels of a page through the Graph API's video_reels. */
  public static class Facebook {

    /** Whether users may publish to Facebook on this server. */
    private boolean enabled;

    /** The Graph API's base URL. */
    @NotBlank private String baseUrl = FacebookOptions.DEFAULT_BASE_URL;

    /** The upload host (rupload). */
    @NotBlank private String uploadUrl = FacebookOptions.DEFAULT_UPLOAD_URL;

    /** The Graph API version, e.g. v21.0. */
    @NotBlank private String apiVersion = FacebookOptions.DEFAULT_API_VERSION;

    /** How often a reel's status phases are asked while Facebook processes it. */
    @NotNull private Duration pollEvery = FacebookOptions.DEFAULT_POLL_EVERY;

    /** Bytes per upload request (at least 256 KiB). */
    private int chunkSize = FacebookOptions.DEFAULT_CHUNK_BYTES;

    FacebookOptions options() {
      return FacebookOptions.newBuilder()
          .setBaseUrl(baseUrl)
          .setUploadUrl(uploadUrl)
          .setApiVersion(apiVersion)
          .setPollEvery(pollEvery)
          .setChunkBytes(chunkSize)
          .build();
    }

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getBaseUrl() {
      return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    public String getUploadUrl() {
      return uploadUrl;
    }

    public void setUploadUrl(String uploadUrl) {
      this.uploadUrl = uploadUrl;
    }

    public String getApiVersion() {
      return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
    }

    public Duration getPollEvery() {
      return pollEvery;
    }

    public void setPollEvery(Duration pollEvery) {
      this.pollEvery = pollEvery;
    }

    public int getChunkSize() {
      return chunkSize;
    }

    public void setChunkSize(int chunkSize) {
      this.chunkSize = chunkSize;
    }
  }

  public Instagram getInstagram() {
    return instagram;
  }

  public Facebook getFacebook() {
    return facebook;
  }

  /** YouTube Data API v3, resumable uploads. */
  public static class YouTube {

    /** Whether users may publish to YouTube on this server. */
    private boolean enabled;

    /** The API's base URL (uploads go to its /upload/youtube/v3/videos). */
    @NotBlank private String baseUrl = YouTubeOptions.DEFAULT_BASE_URL;

    /** Bytes per PUT of a resumable upload: a multiple of 256 KiB (default 8 MiB). */
    private int chunkSize = YouTubeOptions.DEFAULT_CHUNK_BYTES;

    /** Whether videos are declared made for kids (selfDeclaredMadeForKids). */
    private boolean madeForKids = YouTubeOptions.DEFAULT_MADE_FOR_KIDS;

    /** The longest one request may take. */
    @NotNull private Duration requestTimeout = YouTubeOptions.DEFAULT_REQUEST_TIMEOUT;

    YouTubeOptions options() {
      return YouTubeOptions.newBuilder()
          .setBaseUrl(baseUrl)
          .setChunkBytes(chunkSize)
          .setMadeForKids(madeForKids)
          .setRequestTimeout(requestTimeout)
          .build();
    }

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getBaseUrl() {
      return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    public int getChunkSize() {
      return chunkSize;
    }

    public void setChunkSize(int chunkSize) {
      this.chunkSize = chunkSize;
    }

    public boolean isMadeForKids() {
      return madeForKids;
    }

    public void setMadeForKids(boolean madeForKids) {
      this.madeForKids = madeForKids;
    }

    public Duration getRequestTimeout() {
      return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
    }
  }

  /** TikTok Content Posting API. */
  public static class TikTok {

    /** Whether users may publish to TikTok on this server. */
    private boolean enabled;

    /** The API's base URL. */
    @NotBlank private String baseUrl = TikTokOptions.DEFAULT_BASE_URL;

    /** Bytes per uploaded chunk (TikTok: 5 MB to 64 MB; a smaller file goes whole). */
    private int chunkSize = TikTokOptions.DEFAULT_CHUNK_BYTES;

    /** How often a processing post's status is asked. */
    @NotNull private Duration pollEvery = TikTokOptions.DEFAULT_POLL_EVERY;

    /** direct (posted at once) or inbox (a draft in the creator's TikTok inbox). */
    @NotBlank private String postMode = "direct";

    /** The longest one request may take. */
    @NotNull private Duration requestTimeout = TikTokOptions.DEFAULT_REQUEST_TIMEOUT;

    TikTokOptions options() {
      return TikTokOptions.newBuilder()
          .setBaseUrl(baseUrl)
          .setChunkBytes(chunkSize)
          .setPollEvery(pollEvery)
          .setPostMode(postMode)
          .setRequestTimeout(requestTimeout)
          .build();
    }

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getBaseUrl() {
      return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    public int getChunkSize() {
      return chunkSize;
    }

    public void setChunkSize(int chunkSize) {
      this.chunkSize = chunkSize;
    }

    public Duration getPollEvery() {
      return pollEvery;
    }

    public void setPollEvery(Duration pollEvery) {
      this.pollEvery = pollEvery;
    }

    public String getPostMode() {
      return postMode;
    }

    public void setPostMode(String postMode) {
      this.postMode = postMode;
    }

    public Duration getRequestTimeout() {
      return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
    }
  }

  public YouTube getYoutube() {
    return youtube;
  }

  public TikTok getTiktok() {
    return tiktok;
  }
}

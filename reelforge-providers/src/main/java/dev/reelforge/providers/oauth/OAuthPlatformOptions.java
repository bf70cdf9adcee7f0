package dev.reelforge.providers.oauth;

import static dev.reelforge.providers.http.OptionChecks.key;
import static dev.reelforge.providers.http.OptionChecks.present;
import static dev.reelforge.providers.http.OptionChecks.url;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.providers.http.OptionChecks;
import dev.reelforge.providers.http.ResilienceOptions;
import java.util.List;
import java.util.Objects;

/**
 * One platform's OAuth 2 client, validated when built: errors name the setting of the {@code
 * reelforge.publish.accounts.PLATFORM} tree to fix.
 *
 * @param clientId Google's client id, TikTok's client key, Meta's app id
 * @param authorizationUrl where the user grants access
 * @param tokenUrl the code exchange and refresh
 * @param revokeUrl revocation (Meta: the Graph API's base, where {@code /me/permissions} is
 *     deleted)
 * @param apiUrl the API the identity is looked up on (YouTube Data API, TikTok's, the Graph API)
 * @param scopes what is asked for
 */
public record OAuthPlatformOptions(
    Platform platform,
    String clientId,
    String clientSecret,
    String authorizationUrl,
    String tokenUrl,
    String revokeUrl,
    String apiUrl,
    List<String> scopes,
    ResilienceOptions resilience) {

  /** The settings tree each platform's options are read from: {@code SETTINGS + ".youtube"}. */
  public static final String SETTINGS = "reelforge.publish.accounts";

  /** The Graph API version of the Meta endpoints. */
  public static final String DEFAULT_GRAPH_VERSION = "v23.0";

  public static final List<String> YOUTUBE_SCOPES =
      List.of(
          "https://www.googleapis.com/auth/youtube.upload",
          "https://www.googleapis.com/auth/youtube.readonly");

  public static final List<String> TIKTOK_SCOPES =
      List.of("user.info.basic", "video.publish", "video.upload");

  public static final List<String> FACEBOOK_SCOPES =
      List.of("pages_show_list", "pages_read_engagement", "pages_manage_posts", "publish_video");

  public static final List<String> INSTAGRAM_SCOPES =
      List.of(
          "instagram_basic",
          "instagram_content_publish",
          "pages_show_list",
          "pages_read_engagement",
          "business_management");

  public OAuthPlatformOptions {
    present(SETTINGS, platform);
    if (!platform.needsAccount()) {
      throw ReelForgeException.invalidField(SETTINGS, "the local folder has no OAuth client");
    }
    String tree = SETTINGS + "." + platform.key();
    clientId = key(tree + ".client-id", clientId, "");
    clientSecret = key(tree + ".client-secret", clientSecret, "");
    authorizationUrl = kept(tree + ".authorization-url", authorizationUrl);
    tokenUrl = kept(tree + ".token-url", tokenUrl);
    revokeUrl = kept(tree + ".revoke-url", revokeUrl);
    apiUrl = kept(tree + ".api-url", apiUrl);
    scopes = List.copyOf(Objects.requireNonNullElse(scopes, List.of()));
    if (scopes.isEmpty() || scopes.stream().anyMatch(s -> s == null || s.isBlank())) {
      throw ReelForgeException.invalidField(tree + ".scopes", "must name at least one scope");
    }
    present(OptionChecks.HTTP_SETTINGS, resilience);
  }

  /**
   * The URL as given once it passed the checks: trailing slashes are kept, since TikTok's endpoints
   * end in one.
   */
  private static String kept(String setting, String value) {
    url(setting, value);
    return value.strip();
  }

  /** Whether the platform checks a PKCE verifier with the code (Google and TikTok do). */
  public boolean pkce() {
    return platform == Platform.YOUTUBE || platform == Platform.TIKTOK;
  }

  /** Whether this is Meta's flow (Instagram and Facebook). */
  public boolean meta() {
    return platform == Platform.INSTAGRAM || platform == Platform.FACEBOOK;
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "OAuthPlatformOptions[" + platform.key() + ", " + clientId + ", secret set]";
  }

  /** The platform's documented endpoints and scopes; only the client credentials are missing. */
  public static Builder newBuilder(Platform platform) {
    return new Builder(platform);
  }

  public static final class Builder {
    private final Platform platform;
    private String clientId = "";
    private String clientSecret = "";
    private String graphVersion = DEFAULT_GRAPH_VERSION;
    private String authorizationUrl;
    private String tokenUrl;
    private String revokeUrl;
    private String apiUrl;
    private List<String> scopes;
    private ResilienceOptions resilience = ResilienceOptions.defaults();

    private Builder(Platform platform) {
      this.platform = Objects.requireNonNull(platform, "platform");
      this.scopes =
          switch (platform) {
            case YOUTUBE -> YOUTUBE_SCOPES;
            case TIKTOK -> TIKTOK_SCOPES;
            case FACEBOOK -> FACEBOOK_SCOPES;
            case INSTAGRAM -> INSTAGRAM_SCOPES;
            case LOCAL -> List.of();
          };
    }

    public Builder setClientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    public Builder setClientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /** Meta's Graph API version in its default URLs, e.g. {@code v23.0}. */
    public Builder setGraphVersion(String graphVersion) {
      this.graphVersion = graphVersion;
      return this;
    }

    public Builder setAuthorizationUrl(String url) {
      this.authorizationUrl = url;
      return this;
    }

    public Builder setTokenUrl(String url) {
      this.tokenUrl = url;
      return this;
    }

    public Builder setRevokeUrl(String url) {
      this.revokeUrl = url;
      return this;
    }

    public Builder setApiUrl(String url) {
      this.apiUrl = url;
      return this;
    }

    /** Replaces the default scopes when {@code scopes} is not empty. */
    public Builder setScopes(List<String> scopes) {
      if (scopes != null && !scopes.isEmpty()) {
        this.scopes = scopes;
      }
      return this;
    }

    public Builder setResilience(ResilienceOptions resilience) {
      this.resilience = resilience;
      return this;
    }

    /**
     * @throws ReelForgeException {@code INVALID_INPUT} naming the setting that is wrong
     */
    public OAuthPlatformOptions build() {
      String graph = "https://graph.facebook.com/" + graphVersion;
      return new OAuthPlatformOptions(
          platform,
          clientId,
          clientSecret,
          or(
              authorizationUrl,
              switch (platform) {
                case YOUTUBE -> "https://accounts.google.com/o/oauth2/v2/auth";
                case TIKTOK -> "https://www.tiktok.com/v2/auth/authorize/";
                default -> "https://www.facebook.com/" + graphVersion + "/dialog/oauth";
              }),
          or(
              tokenUrl,
              switch (platform) {
                case YOUTUBE -> "https://oauth2.googleapis.com/token";
                case TIKTOK -> "https://open.tiktokapis.com/v2/oauth/token/";
                default -> graph + "/oauth/access_token";
              }),
          or(
              revokeUrl,
              switch (platform) {
                case YOUTUBE -> "https://oauth2.googleapis.com/revoke";
                case TIKTOK -> "https://open.tiktokapis.com/v2/oauth/revoke/";
                default -> graph;
              }),
          or(
              apiUrl,
              switch (platform) {
                case YOUTUBE -> "https://www.googleapis.com/youtube/v3";
                case TIKTOK -> "https://open.tiktokapis.com";
                default -> graph;
              }),
          scopes,
          resilience);
    }

    private static String or(String configured, String standard) {
      return configured == null || configured.isBlank() ? standard : configured;
    }
  }
}

package dev.reelforge.app.publish.accounts;

import dev.reelforge.app.settings.CheckedTogether;
import dev.reelforge.app.settings.InvalidSettingException;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.accounts.AccountConnections;
import dev.reelforge.core.publish.accounts.TokenKeeper;
import dev.reelforge.providers.oauth.OAuthPlatformOptions;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.validation.annotation.Validated;

/**
 * Connected platform accounts ({@code reelforge.publish.accounts.*}): each platform's OAuth client
 * (a platform without client id and secret cannot be connected), the key that seals tokens at rest
 * and when tokens are refreshed. See docs/api.md, "Platform accounts".
 */
@Validated
@ConfigurationProperties("reelforge.publish.accounts")
public class PlatformAccountsSettings implements CheckedTogether {

  static final String PREFIX = "reelforge.publish.accounts";

  /**
   * The AES-256 key that seals tokens at rest: 32 bytes, base64. Empty: one is made at the first
   * start and kept in the database (server_secret 'platform-token-key'), which protects a copy of
   * the accounts table but not a copy of the whole database; give one from the environment or a
   * file to keep the key apart from the data.
   */
  private String tokenKey = "";

  /**
   * Earlier token keys (base64, 32 bytes each) that still open the tokens they sealed, for rotating
   * the token key: tokens are sealed anew with the current key at their next refresh or
   * reconnection.
   */
  private List<String> previousTokenKeys = new ArrayList<>();

  /** A token expiring within this margin is refreshed before publishing uses it. */
  @NotNull private Duration refreshMargin = TokenKeeper.DEFAULT_MARGIN;

  /** How long a user has to grant access at the platform after starting to connect. */
  @NotNull private Duration authorizationTimeout = AccountConnections.DEFAULT_PENDING_TTL;

  /**
   * The redirect URI registered with every platform; empty: this server's own {@code
   * /api/platform-accounts/callback}, as the request that starts connecting reached it.
   */
  private String redirectUri = "";

  /** Meta's Graph API version in the default Instagram and Facebook URLs. */
  private String graphVersion = OAuthPlatformOptions.DEFAULT_GRAPH_VERSION;

  /** YouTube (Google OAuth 2.0 with PKCE). */
  @NestedConfigurationProperty private PlatformClient youtube = new PlatformClient();

  /** TikTok (Login Kit with PKCE; the client id is TikTok's client key). */
  @NestedConfigurationProperty private PlatformClient tiktok = new PlatformClient();

  /** Instagram (Facebook Login; the client id is the Meta app id). */
  @NestedConfigurationProperty private PlatformClient instagram = new PlatformClient();

  /** Facebook pages (Facebook Login; the client id is the Meta app id). */
  @NestedConfigurationProperty private PlatformClient facebook = new PlatformClient();

  /** One platform's OAuth client; the endpoints default to the platform's own. */
  public static class PlatformClient {

    /** The OAuth client id (TikTok: client key; Meta: app id). */
    private String clientId = "";

    /** The OAuth client secret (Meta: app secret). */
    private String clientSecret = "";

    /** The scopes asked for; empty: the defaults publishing needs. */
    private List<String> scopes = new ArrayList<>();

    /** Overrides the authorization page URL (a local stub, tests). */
    private String authorizationUrl = "";

    /** Overrides the token endpoint URL. */
    private String tokenUrl = "";

    /** Overrides the revocation endpoint URL (Meta: the Graph API base). */
    private String revokeUrl = "";

    /** Overrides the API the account's identity is looked up on. */
    private String apiUrl = "";

    boolean configured() {
      return !clientId.isBlank() || !clientSecret.isBlank();
    }

    public String getClientId() {
      return clientId;
    }

    public void setClientId(String clientId) {
      this.clientId = clientId;
    }

    public String getClientSecret() {
      return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
    }

    public List<String> getScopes() {
      return scopes;
    }

    public void setScopes(List<String> scopes) {
      this.scopes = scopes;
    }

    public String getAuthorizationUrl() {
      return authorizationUrl;
    }

    public void setAuthorizationUrl(String authorizationUrl) {
      this.authorizationUrl = authorizationUrl;
    }

    public String getTokenUrl() {
      return tokenUrl;
    }

    public void setTokenUrl(String tokenUrl) {
      this.tokenUrl = tokenUrl;
    }

    public String getRevokeUrl() {
      return revokeUrl;
    }

    public void setRevokeUrl(String revokeUrl) {
      this.revokeUrl = revokeUrl;
    }

    public String getApiUrl() {
      return apiUrl;
    }

    public void setApiUrl(String apiUrl) {
      this.apiUrl = apiUrl;
    }
  }

  /** Each configured platform's client options; platforms without credentials are left out. */
  List<OAuthPlatformOptions> clients() {
    List<OAuthPlatformOptions> options = new ArrayList<>();
    for (Map.Entry<Platform, PlatformClient> entry : platforms().entrySet()) {
      PlatformClient c = entry.getValue();
      if (c.configured()) {
        options.add(
            OAuthPlatformOptions.newBuilder(entry.getKey())
                .setClientId(c.getClientId())
                .setClientSecret(c.getClientSecret())
                .setScopes(c.getScopes())
                .setGraphVersion(graphVersion)
                .setAuthorizationUrl(c.getAuthorizationUrl())
                .setTokenUrl(c.getTokenUrl())
                .setRevokeUrl(c.getRevokeUrl())
                .setApiUrl(c.getApiUrl())
                .build());
      }
    }
    return options;
  }

  Map<Platform, PlatformClient> platforms() {
    return Map.of(
        Platform.YOUTUBE, youtube,
        Platform.TIKTOK, tiktok,
        Platform.INSTAGRAM, instagram,
        Platform.FACEBOOK, facebook);
  }

  /** The token key's bytes; empty when none is configured. */
  byte[] tokenKeyBytes() {
    return tokenKey.isBlank() ? new byte[0] : key(PREFIX + ".token-key", tokenKey);
  }

  List<byte[]> previousTokenKeyBytes() {
    List<byte[]> keys = new ArrayList<>();
    for (int i = 0; i < previousTokenKeys.size(); i++) {
      keys.add(key(PREFIX + ".previous-token-keys[" + i + "]", previousTokenKeys.get(i)));
    }
    return keys;
  }

  @Override
  public void checkTogether() {
    tokenKeyBytes();
    previousTokenKeyBytes();
    if (refreshMargin.isNegative()) {
      throw InvalidSettingException.of(PREFIX + ".refresh-margin", refreshMargin, "is negative");
    }
    if (authorizationTimeout.isNegative() || authorizationTimeout.isZero()) {
      throw InvalidSettingException.of(
          PREFIX + ".authorization-timeout", authorizationTimeout, "must be positive");
    }
    if (!redirectUri.isBlank() && !absoluteHttp(redirectUri)) {
      throw InvalidSettingException.of(
          PREFIX + ".redirect-uri", redirectUri, "must be an absolute http(s) URL");
    }
    for (Map.Entry<Platform, PlatformClient> entry : platforms().entrySet()) {
      String tree = PREFIX + "." + entry.getKey().key();
      PlatformClient c = entry.getValue();
      if (c.configured() && (c.getClientId().isBlank() || c.getClientSecret().isBlank())) {
        throw InvalidSettingException.of(
            tree + (c.getClientId().isBlank() ? ".client-id" : ".client-secret"),
            "",
            "client-id and client-secret are given together");
      }
      for (String[] url :
          new String[][] {
            {"authorization-url", c.getAuthorizationUrl()},
            {"token-url", c.getTokenUrl()},
            {"revoke-url", c.getRevokeUrl()},
            {"api-url", c.getApiUrl()}
          }) {
        if (!url[1].isBlank() && !absoluteHttp(url[1])) {
          throw InvalidSettingException.of(
              tree + "." + url[0], url[1], "must be an absolute http(s) URL");
        }
      }
    }
  }

  private static boolean absoluteHttp(String url) {
    try {
      URI uri = new URI(url.strip());
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getRawAuthority() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static byte[] key(String setting, String base64) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw InvalidSettingException.of(setting, base64, "is not base64");
    }
    if (key.length != 32) {
      throw InvalidSettingException.of(
          setting, base64, "must be 32 bytes (AES-256), not " + key.length);
    }
    return key;
  }

  public String getTokenKey() {
    return tokenKey;
  }

  public void setTokenKey(String tokenKey) {
    this.tokenKey = tokenKey;
  }

  public List<String> getPreviousTokenKeys() {
    return previousTokenKeys;
  }

  public void setPreviousTokenKeys(List<String> previousTokenKeys) {
    this.previousTokenKeys = previousTokenKeys;
  }

  public Duration getRefreshMargin() {
    return refreshMargin;
  }

  public void setRefreshMargin(Duration refreshMargin) {
    this.refreshMargin = refreshMargin;
  }

  public Duration getAuthorizationTimeout() {
    return authorizationTimeout;
  }

  public void setAuthorizationTimeout(Duration authorizationTimeout) {
    this.authorizationTimeout = authorizationTimeout;
  }

  public String getRedirectUri() {
    return redirectUri;
  }

  public void setRedirectUri(String redirectUri) {
    this.redirectUri = redirectUri;
  }

  public String getGraphVersion() {
    return graphVersion;
  }

  public void setGraphVersion(String graphVersion) {
    this.graphVersion = graphVersion;
  }

  public PlatformClient getYoutube() {
    return youtube;
  }

  public void setYoutube(PlatformClient youtube) {
    this.youtube = youtube;
  }

  public PlatformClient getTiktok() {
    return tiktok;
  }

  public void setTiktok(PlatformClient tiktok) {
    this.tiktok = tiktok;
  }

  public PlatformClient getInstagram() {
    return instagram;
  }

  public void setInstagram(PlatformClient instagram) {
    this.instagram = instagram;
  }

  public PlatformClient getFacebook() {
    return facebook;
  }

  public void setFacebook(PlatformClient facebook) {
    this.facebook = facebook;
  }
}

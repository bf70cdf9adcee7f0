package dev.reelforge.app.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Authentication and the HTTP edge ({@code reelforge.security.*}): token lifetimes, password rules,
 * the first-start admin, body limits, CORS and optional OIDC login. See docs/security.md.
 */
@ConfigurationProperties("reelforge.security")
@Validated
public class SecuritySettings {

  /** How long an access token (JWT) is valid. */
  @NotNull private Duration accessTokenTtl = Duration.ofMinutes(15);

  /** How long a refresh token is valid; each use replaces it with a new one. */
  @NotNull private Duration refreshTokenTtl = Duration.ofDays(7);

  /**
   * The key that signs access tokens, base64, at least 32 bytes once decoded. Empty: a random key
   * is made on first start and kept in the database, so every instance shares it.
   */
  private String tokenSigningKey = "";

  /** The shortest password accepted. */
  @Min(8)
  @Max(128)
  private int passwordMinLength = 12;

  /** BCrypt cost factor of stored passwords (each step doubles the work of a check). */
  @Min(4)
  @Max(31)
  private int passwordHashCost = 12;

  /** The username of the admin made on first start, when there is no user yet. */
  @NotBlank private String bootstrapAdmin = "admin";

  /** The largest request body on the API, in bytes (uploads have their own limits). */
  @Min(1024)
  private int maxBodyBytes = 102400;

  /** The largest request body on routes that start AI work (script, story, previews), in bytes. */
  @Min(1024)
  private int maxAiBodyBytes = 51200;

  /**
   * The largest request body on picture uploads, in bytes: a 10 MB picture as base64 in JSON (seed
   * 001's FileUploadSchema) or as a multipart part, with room for the rest of the request.
   */
  @Min(1024)
  private int maxUploadBodyBytes = 14680064;

  /**
   * The largest request body on long video uploads (POST /api/clips/sources, and each chunk of a
   * chunked upload), in bytes: keep it at least reelforge.clips.max-upload-size plus room for the
   * transcript. Such bodies are streamed to disk, never held in memory.
   */
  @Min(1024)
  private long maxVideoUploadBodyBytes = 8L * 1024 * 1024 * 1024 + 8 * 1024 * 1024;

  /** Origins allowed to call the API from a browser (CORS); empty: none, CORS is off. */
  @NotNull private List<String> corsAllowedOrigins = new ArrayList<>();

  private final Oidc oidc = new Oidc();

  public Duration getAccessTokenTtl() {
    return accessTokenTtl;
  }

  public void setAccessTokenTtl(Duration accessTokenTtl) {
    this.accessTokenTtl = accessTokenTtl;
  }

  public Duration getRefreshTokenTtl() {
    return refreshTokenTtl;
  }

  public void setRefreshTokenTtl(Duration refreshTokenTtl) {
    this.refreshTokenTtl = refreshTokenTtl;
  }

  public String getTokenSigningKey() {
    return tokenSigningKey;
  }

  public void setTokenSigningKey(String tokenSigningKey) {
    this.tokenSigningKey = tokenSigningKey;
  }

  public int getPasswordMinLength() {
    return passwordMinLength;
  }

  public void setPasswordMinLength(int passwordMinLength) {
    this.passwordMinLength = passwordMinLength;
  }

  public int getPasswordHashCost() {
    return passwordHashCost;
  }

  public void setPasswordHashCost(int passwordHashCost) {
    this.passwordHashCost = passwordHashCost;
  }

  public String getBootstrapAdmin() {
    return bootstrapAdmin;
  }

  public void setBootstrapAdmin(String bootstrapAdmin) {
    this.bootstrapAdmin = bootstrapAdmin;
  }

  public int getMaxBodyBytes() {
    return maxBodyBytes;
  }

  public void setMaxBodyBytes(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  public int getMaxAiBodyBytes() {
    return maxAiBodyBytes;
  }

  public void setMaxAiBodyBytes(int maxAiBodyBytes) {
    this.maxAiBodyBytes = maxAiBodyBytes;
  }

  public int getMaxUploadBodyBytes() {
    return maxUploadBodyBytes;
  }

  public void setMaxUploadBodyBytes(int maxUploadBodyBytes) {
    this.maxUploadBodyBytes = maxUploadBodyBytes;
  }

  public long getMaxVideoUploadBodyBytes() {
    return maxVideoUploadBodyBytes;
  }

  public void setMaxVideoUploadBodyBytes(long maxVideoUploadBodyBytes) {
    this.maxVideoUploadBodyBytes = maxVideoUploadBodyBytes;
  }

  public List<String> getCorsAllowedOrigins() {
    return corsAllowedOrigins;
  }

  public void setCorsAllowedOrigins(List<String> corsAllowedOrigins) {
    this.corsAllowedOrigins = corsAllowedOrigins;
  }

  public Oidc getOidc() {
    return oidc;
  }

  /** Login through an OpenID Connect issuer ({@code reelforge.security.oidc.*}); off when empty. */
  public static class Oidc {

    /** The issuer URL (its /.well-known/openid-configuration is read); empty: OIDC is off. */
    private String issuer = "";

    /** The client id registered with the issuer. */
    private String clientId = "";

    /** The client secret registered with the issuer; empty: a public client (PKCE only). */
    private String clientSecret = "";

    /**
     * Where the issuer sends the browser back: this server's public /auth/oidc/callback URL, as
     * registered with the issuer. Empty: derived from each request (set it behind a proxy).
     */
    private String redirectUri = "";

    /** The role of a user first seen through OIDC: viewer, creator or operator (never admin). */
    @NotBlank private String defaultRole = "creator";

    public String getIssuer() {
      return issuer;
    }

    public void setIssuer(String issuer) {
      this.issuer = issuer;
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

    public String getRedirectUri() {
      return redirectUri;
    }

    public void setRedirectUri(String redirectUri) {
      this.redirectUri = redirectUri;
    }

    public String getDefaultRole() {
      return defaultRole;
    }

    public void setDefaultRole(String defaultRole) {
      this.defaultRole = defaultRole;
    }
  }
}

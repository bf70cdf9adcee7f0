package dev.reelforge.core.publish.accounts;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.Platform;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The platforms' OAuth 2 authorization servers: where a user is sent to grant access, the code
 * exchange (with the account's identity), refresh and revocation.
 */
public interface PlatformOAuth {

  /** Whether {@code platform} has client credentials configured. */
  boolean configured(Platform platform);

  /** Whether {@code platform} takes PKCE (S256) with its authorization code. */
  boolean supportsPkce(Platform platform);

  /**
   * Where to send the user's browser.
   *
   * @param codeChallenge the S256 challenge; empty for platforms without PKCE
   */
  URI authorizationUrl(
      Platform platform, String state, Optional<String> codeChallenge, String redirectUri);

  /**
   * Exchanges an authorization code for tokens and looks up where posts go.
   *
   * @param codeVerifier the PKCE verifier; empty for platforms without PKCE
   * @throws TokenRefused when the platform refuses the code (used, expired, wrong verifier)
   */
  Grant exchange(Platform platform, String code, Optional<String> codeVerifier, String redirectUri);

  /**
   * A fresh access token for {@code account} (and, where the platform rotates them, a new refresh
   * token). Meta has no refresh token: the long-lived user token kept in its place is exchanged for
   * a new one, and the page's token read again.
   *
   * @throws TokenRefused when the platform refuses the refresh token for good ({@code
   *     invalid_grant}): the account must be connected again
   */
  Grant refresh(PlatformAccount account, String refreshToken);

  /**
   * Revokes the account's grant at the platform, with whichever of its tokens the platform revokes
   * by (Google: the refresh token; TikTok: the access token; Meta: the user token's permissions).
   *
   * @param refreshToken empty when the account has none
   */
  void revoke(Platform platform, String accessToken, String refreshToken);

  /**
   * Tokens a platform issued.
   *
   * @param refreshToken empty when the platform issued none (or kept the old one)
   * @param expiresAt when the access token expires; empty when it does not
   * @param identity where posts go, present after an exchange
   */
  record Grant(
      String accessToken,
      String refreshToken,
      Optional<Instant> expiresAt,
      Set<String> scopes,
      Optional<Identity> identity) {

    public Grant {
      Objects.requireNonNull(accessToken, "accessToken");
      refreshToken = Objects.requireNonNullElse(refreshToken, "");
      expiresAt = Objects.requireNonNullElse(expiresAt, Optional.empty());
      scopes = Set.copyOf(Objects.requireNonNullElse(scopes, Set.of()));
      identity = Objects.requireNonNullElse(identity, Optional.empty());
    }

    @Override
    public String toString() {
      return "Grant[tokens hidden, expires " + expiresAt + ", " + scopes + ", " + identity + "]";
    }
  }

  /** Where posts go: a channel, an open_id, an IG user, a page; and its name for people. */
  record Identity(String externalId, String displayName) {
    public Identity {
      externalId = Objects.requireNonNull(externalId, "externalId");
      displayName = Objects.requireNonNullElse(displayName, "");
    }
  }

  /**
   * The platform refused a code or a refresh token for good ({@code invalid_grant} and the like):
   * the user must authorize again. Not retryable.
   */
  final class TokenRefused extends ReelForgeException {
    private static final long serialVersionUID = 1L;

    public TokenRefused(String message) {
      super(ErrorCode.AUTH_REQUIRED, message, false, List.of(), null);
    }
  }
}

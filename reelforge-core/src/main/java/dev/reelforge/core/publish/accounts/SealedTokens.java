package dev.reelforge.core.publish.accounts;

import java.util.Objects;

/**
 * An account's tokens as they are stored: sealed by a {@link TokenSealer}, never in clear.
 *
 * @param accessToken the sealed access token
 * @param refreshToken the sealed refresh token, empty when the platform gives none (Meta)
 */
public record SealedTokens(String accessToken, String refreshToken) {

  public SealedTokens {
    accessToken = Objects.requireNonNull(accessToken, "accessToken");
    refreshToken = Objects.requireNonNullElse(refreshToken, "");
  }

  public boolean hasRefreshToken() {
    return !refreshToken.isEmpty();
  }

  @Override
  public String toString() {
    return "SealedTokens[sealed]";
  }
}

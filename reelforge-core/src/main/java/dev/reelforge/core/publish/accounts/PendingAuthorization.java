package dev.reelforge.core.publish.accounts;

import dev.reelforge.core.publish.Platform;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An authorization a user started and the platform has not yet answered: found again by its {@code
 * state} when the browser comes back, once.
 *
 * @param state the unguessable value sent to the platform and returned with the code
 * @param codeVerifier the PKCE verifier; empty for platforms without PKCE (Meta)
 * @param redirectUri the redirect URI sent with the authorization, which the code exchange repeats
 */
public record PendingAuthorization(
    String state,
    UUID ownerId,
    Platform platform,
    String codeVerifier,
    String redirectUri,
    Instant expiresAt) {

  public PendingAuthorization {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(platform, "platform");
    codeVerifier = Objects.requireNonNullElse(codeVerifier, "");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "PendingAuthorization[" + platform.key() + ", " + ownerId + ", until " + expiresAt + "]";
  }
}

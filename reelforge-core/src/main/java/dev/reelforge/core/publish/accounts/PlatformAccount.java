package dev.reelforge.core.publish.accounts;

import dev.reelforge.core.publish.Platform;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A platform account a user connected, as everyone may see it: never its tokens.
 *
 * @param externalId where posts go: YouTube's channel id, TikTok's open_id, the Instagram user id
 *     of a professional account, the Facebook page id
 * @param scopes what the platform granted
 * @param tokenExpiresAt when the access token expires; empty when it does not (a Facebook page
 *     token made from a long-lived user token)
 * @param connectedAt when the account was (last) connected
 */
public record PlatformAccount(
    UUID id,
    UUID ownerId,
    Platform platform,
    String externalId,
    String displayName,
    Set<String> scopes,
    Optional<Instant> tokenExpiresAt,
    Instant connectedAt,
    Status status) {

  /** Whether publishing can use the account, or its owner must connect it again. */
  public enum Status {
    CONNECTED,
    /** The platform refused a refresh (revoked, expired, password changed): connect again. */
    NEEDS_RECONNECT;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Status ofKey(String key) {
      return valueOf(key.toUpperCase(Locale.ROOT));
    }
  }

  public PlatformAccount {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(platform, "platform");
    if (!platform.needsAccount()) {
      throw new IllegalArgumentException("the local folder has no account");
    }
    externalId = Objects.requireNonNull(externalId, "externalId");
    displayName = Objects.requireNonNullElse(displayName, "");
    scopes = Set.copyOf(Objects.requireNonNullElse(scopes, Set.of()));
    tokenExpiresAt = Objects.requireNonNullElse(tokenExpiresAt, Optional.empty());
    Objects.requireNonNull(connectedAt, "connectedAt");
    Objects.requireNonNull(status, "status");
  }

  public PlatformAccount withStatus(Status next) {
    return new PlatformAccount(
        id, ownerId, platform, externalId, displayName, scopes, tokenExpiresAt, connectedAt, next);
  }

  public PlatformAccount withTokenExpiresAt(Optional<Instant> expiresAt) {
    return new PlatformAccount(
        id, ownerId, platform, externalId, displayName, scopes, expiresAt, connectedAt, status);
  }
}

package dev.reelforge.core.publish;

import java.util.UUID;

/**
 * The connected accounts as publishing sees them: credentials with an access token refreshed before
 * it expires.
 */
public interface AccountAccess {

  /**
   * The credentials of {@code ownerId}'s account {@code accountId} on {@code platform}, refreshing
   * its token first when it expires soon.
   *
   * @throws dev.reelforge.core.error.ReelForgeException RESOURCE_NOT_FOUND when the owner has no
   *     such account on that platform (another user's account is not found either); AUTH_REQUIRED
   *     when the platform refused the refresh (the account must be connected again)
   */
  AccountCredentials credentials(UUID ownerId, UUID accountId, Platform platform);
}

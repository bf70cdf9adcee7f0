package dev.reelforge.app.web;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.util.UUID;

/**
 * Who a request acts for: the authenticated caller. Every store is scoped by owner, so another
 * user's resources answer 404.
 */
public final class RequestOwner {

  private RequestOwner() {}

  /**
   * @throws ReelForgeException AUTH_REQUIRED outside an authenticated request
   */
  public static UUID current() {
    return Caller.current()
        .map(Caller::id)
        .orElseThrow(() -> new ReelForgeException(ErrorCode.AUTH_REQUIRED, "sign in first"));
  }
}

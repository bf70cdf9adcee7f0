package dev.reelforge.app.web;

import java.util.UUID;

/**
 * Who a request acts for. Until accounts land (users, tokens, API keys), every request acts for the
 * single local user of the embedded default; every store is already scoped by owner, so switching
 * this to the authenticated user makes another user's resources 404 without further changes.
 */
public final class RequestOwner {

  /** The embedded default's local user. */
  public static final UUID LOCAL_USER = UUID.fromString("00000000-0000-7000-8000-000000000001");

  private RequestOwner() {}

  public static UUID current() {
    return LOCAL_USER;
  }
}

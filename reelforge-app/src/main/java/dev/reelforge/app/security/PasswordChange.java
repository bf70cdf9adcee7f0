package dev.reelforge.app.security;

import java.util.Set;

/**
 * What a user whose password must change (a one-time password from an admin or {@code reelforge
 * user}) may still do: choose the new password, read who it is, and sign out. Everything else waits
 * until the password has changed, so that a one-time password cannot become a permanent one.
 */
public final class PasswordChange {

  /** The dashboard page where the new password is chosen. */
  public static final String PAGE = "/ui/account/password";

  // Sign-out and refresh are public routes, which the check never sees.
  private static final Set<String> ALLOWED =
      Set.of(
          "POST /api/me/password",
          "GET /api/me",
          "GET /me",
          "GET /api/auth/session",
          "GET " + PAGE,
          "POST " + PAGE);

  private PasswordChange() {}

  /** Whether a user who must change its password may make this request. */
  public static boolean allows(String method, String path) {
    return ALLOWED.contains(method + " " + path);
  }
}

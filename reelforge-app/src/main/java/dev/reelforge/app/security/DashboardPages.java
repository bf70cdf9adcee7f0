package dev.reelforge.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Which paths are pages of the web dashboard ({@code /ui/…}), whose callers are browsers: the
 * filters answer them with a sign-in redirect or an HTML page instead of the API's JSON envelope.
 */
public final class DashboardPages {

  public static final String SIGN_IN = "/ui/login";

  private DashboardPages() {}

  /** A dashboard page that needs a signed-in user (not its assets or the sign-in page). */
  public static boolean isPage(String path) {
    return path.equals("/ui")
        || (path.startsWith("/ui/")
            && !path.startsWith("/ui/assets/")
            && !path.equals(SIGN_IN)
            && !path.equals(SIGN_IN + "/"));
  }

  /** The sign-in page, set to come back to the page {@code request} asked for. */
  public static String signInFor(HttpServletRequest request) {
    String back =
        request.getRequestURI()
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    return SIGN_IN + "?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
  }
}

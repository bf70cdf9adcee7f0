package dev.reelforge.app.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The dashboard's sign-in, carried by a cookie: browsers cannot put a bearer token on a page load,
 * a {@code <video>} source or an {@code EventSource}. The cookie is HttpOnly (scripts never see it)
 * and SameSite=Lax; on top of that, {@link #isSameOrigin} refuses any state-changing request it
 * authenticates unless the browser says the request came from our own pages, so another site can
 * never make a signed-in browser act (CSRF).
 */
public final class BrowserSession {

  public static final String COOKIE = "rf_session";

  private BrowserSession() {}

  /** The session cookie's value, if the request carries one. */
  public static Optional<String> of(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
        return Optional.of(cookie.getValue());
      }
    }
    return Optional.empty();
  }

  /** Sets the cookie for {@code lifetime}; Secure when the request came over HTTPS. */
  public static void set(
      HttpServletRequest request, HttpServletResponse response, String value, Duration lifetime) {
    response.addHeader("Set-Cookie", cookie(request, value, lifetime.toSeconds()));
  }

  /** Removes the cookie from the browser. */
  public static void clear(HttpServletRequest request, HttpServletResponse response) {
    response.addHeader("Set-Cookie", cookie(request, "", 0));
  }

  private static String cookie(HttpServletRequest request, String value, long maxAgeSeconds) {
    return COOKIE
        + "="
        + value
        + "; Path=/; Max-Age="
        + maxAgeSeconds
        + "; HttpOnly; SameSite=Lax"
        + (request.isSecure() ? "; Secure" : "");
  }

  /**
   * Whether a request came from a page of this site: its {@code Origin} (sent by browsers on every
   * POST, form or fetch) names our own scheme, host and port, or, without one (or with an opaque
   * {@code null}), the browser's {@code Sec-Fetch-Site} says {@code same-origin}. Requests with
   * neither are refused: every browser this dashboard supports sends one of them.
   */
  public static boolean isSameOrigin(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null || origin.equals("null")) {
      // No origin, or an opaque one (a page under no-referrer): what the browser says of the site.
      return "same-origin".equals(request.getHeader("Sec-Fetch-Site"));
    }
    String host = request.getHeader("Host");
    try {
      URI uri = URI.create(origin);
      if (host == null || uri.getHost() == null) {
        return false;
      }
      int port = uri.getPort() == -1 ? defaultPort(uri.getScheme()) : uri.getPort();
      // A Host without a port is compared by name alone: behind a TLS proxy the request reaches us
      // as plain HTTP while the page's origin is https.
      int colon = host.lastIndexOf(':');
      boolean hostHasPort = colon > 0 && host.indexOf(']', colon) < 0;
      String hostName = hostHasPort ? host.substring(0, colon) : host;
      return bare(uri.getHost()).equalsIgnoreCase(bare(hostName))
          && (!hostHasPort || host.substring(colon + 1).equals(Integer.toString(port)));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String bare(String host) {
    return host.replace("[", "").replace("]", "");
  }

  private static int defaultPort(String scheme) {
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }
}

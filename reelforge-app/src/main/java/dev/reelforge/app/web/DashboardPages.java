package dev.reelforge.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.util.HtmlUtils;

/**
 * The web dashboard's paths ({@code /ui/…}), whose callers are browsers: the filters answer them
 * with a sign-in redirect or an HTML page instead of the API's JSON envelope, and send them with
 * the dashboard's own headers.
 */
public final class DashboardPages {

  public static final String SIGN_IN = "/ui/login";

  private static final String ASSETS = "/ui/assets/";

  private DashboardPages() {}

  /** Anything of the dashboard: pages, the sign-in page, assets. */
  public static boolean isDashboard(String path) {
    return path != null && (path.equals("/ui") || path.startsWith("/ui/"));
  }

  /** Its static files (stylesheet, script), which are public and may be cached. */
  public static boolean isAsset(String path) {
    return path.startsWith(ASSETS);
  }

  /** A dashboard page that needs a signed-in user (not its assets or the sign-in page). */
  public static boolean isPage(String path) {
    return isDashboard(path)
        && !isAsset(path)
        && !path.equals(SIGN_IN)
        && !path.equals(SIGN_IN + "/");
  }

  /** The sign-in page, set to come back to the page {@code request} asked for. */
  public static String signInFor(HttpServletRequest request) {
    return comingBackTo(SIGN_IN, request);
  }

  /** {@code page}, told to send the browser back to the page it asked for once done. */
  public static String comingBackTo(String page, HttpServletRequest request) {
    String back =
        request.getRequestURI()
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    return page + "?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
  }

  /**
   * Writes a small HTML error page, for refusals and failures that happen before (or outside) a
   * page's controller: a filter's 403, the container's error dispatch.
   */
  public static void writeError(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    response
        .getWriter()
        .write(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta"
                + " name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + status
                + " · ReelForge</title><link rel=\"stylesheet\""
                + " href=\"/ui/assets/app.css\"></head><body><main class=\"page\"><h1>"
                + status
                + "</h1><p class=\"error\">"
                + HtmlUtils.htmlEscape(message)
                + "</p><p><a href=\"/ui\">Back to the dashboard</a></p></main></body></html>");
  }
}

package dev.reelforge.app.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.util.HtmlUtils;

/**
 * A small HTML error page for the dashboard's browsers, for refusals and failures that happen
 * before (or outside) a page's controller: a filter's 403, the container's error dispatch.
 */
public final class HtmlErrorPage {

  private HtmlErrorPage() {}

  /** Whether {@code path} belongs to the dashboard, whose errors are pages, not JSON. */
  public static boolean isDashboard(String path) {
    return path != null && (path.equals("/ui") || path.startsWith("/ui/"));
  }

  /** Writes a small HTML error page, for refusals made before the page's controller runs. */
  public static void write(HttpServletResponse response, int status, String message)
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

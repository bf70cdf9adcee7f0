package dev.reelforge.app.security;

import dev.reelforge.app.web.DashboardPages;
import dev.reelforge.app.web.ErrorEnvelopeWriter;
import dev.reelforge.app.web.ReplayableBodyRequest;
import dev.reelforge.core.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The edge of every request: security headers on every answer, and request bodies held to their
 * limit (seed 004: 100 KB, 50 KB on routes that start AI work; 14 MiB on picture uploads) before
 * anything reads them — a body of unknown length is read up to the limit and refused past it.
 */
public final class EdgeFilter extends OncePerRequestFilter {

  /** Seed 004's routes outside {@code /api/}: media jobs and usage history. */
  private static final java.util.List<String> SEED_004_ROOTS =
      java.util.List.of("/images/", "/video/", "/usage/");

  private final AccessPolicy policy;
  private final SecuritySettings settings;
  private final String dashboardPolicy;

  /**
   * @param mediaOrigin the blob store's origin ({@code https://bucket.s3.amazonaws.com}) when its
   *     signed URLs point away from this service, or empty
   */
  public EdgeFilter(AccessPolicy policy, SecuritySettings settings, String mediaOrigin) {
    this.policy = policy;
    this.settings = settings;
    this.dashboardPolicy = dashboardPolicy(mediaOrigin);
  }

  /**
   * The dashboard's pages load only their own scripts and styles, and post only to themselves;
   * pictures and videos come from here, from blob: previews, and from the blob store's signed URLs
   * that downloads redirect to.
   */
  static String dashboardPolicy(String mediaOrigin) {
    String media = mediaOrigin.isBlank() ? "" : " " + mediaOrigin;
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:"
        + media
        + "; media-src 'self' blob:"
        + media
        + "; connect-src 'self'; form-action 'self'; base-uri 'none';"
        + " object-src 'none'; frame-ancestors 'none'";
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    headers(request, response);
    String path = request.getRequestURI();
    if (!path.startsWith("/api/")
        && !path.startsWith("/auth/")
        && !path.startsWith("/me")
        && !SEED_004_ROOTS.stream().anyMatch(path::startsWith)
        && !DashboardPages.isDashboard(path)) {
      chain.doFilter(request, response);
      return;
    }
    AccessPolicy.BodyLimit kind = policy.ruleOf(request).bodyLimit();
    long limit =
        switch (kind) {
          case STANDARD -> settings.getMaxBodyBytes();
          case AI -> settings.getMaxAiBodyBytes();
          case UPLOAD -> settings.getMaxUploadBodyBytes();
          case VIDEO -> settings.getMaxVideoUploadBodyBytes();
        };
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      tooLarge(request, response, limit);
      return;
    }
    if (kind == AccessPolicy.BodyLimit.VIDEO) {
      // Videos are gigabytes: never held in memory to be measured, so their length is required.
      if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
        ErrorEnvelopeWriter.write(
            request,
            response,
            ErrorCode.INVALID_INPUT,
            "send the video with a Content-Length (or use the chunked upload routes)",
            List.of());
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
      byte[] body;
      try (InputStream in = request.getInputStream()) {
        body = in.readNBytes((int) limit + 1);
      }
      if (body.length > limit) {
        tooLarge(request, response, limit);
        return;
      }
      chain.doFilter(new ReplayableBodyRequest(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  private void headers(HttpServletRequest request, HttpServletResponse response) {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    String path = request.getRequestURI();
    // A dashboard page keeps its origin on its own requests: browsers send "Origin: null" for a
    // page under no-referrer, and the session cookie's cross-site check reads the Origin.
    response.setHeader(
        "Referrer-Policy", DashboardPages.isDashboard(path) ? "same-origin" : "no-referrer");
    response.setHeader(
        "Content-Security-Policy",
        DashboardPages.isDashboard(path)
            ? dashboardPolicy
            : "default-src 'none'; frame-ancestors 'none'");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    if (path.startsWith("/auth/")
        || path.startsWith("/api/auth/")
        || path.startsWith("/me")
        || path.startsWith("/api/me")
        || path.startsWith("/api/admin/")
        || path.startsWith("/usage/")
        || (DashboardPages.isDashboard(path) && !DashboardPages.isAsset(path))) {
      // Tokens, keys and account data must not sit in a cache.
      response.setHeader("Cache-Control", "no-store");
    }
  }

  private static void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit)
      throws IOException {
    response.setHeader("Connection", "close");
    ErrorEnvelopeWriter.write(
        request,
        response,
        ErrorCode.PAYLOAD_TOO_LARGE,
        "the request body may be at most " + limit + " bytes here",
        List.of());
  }
}

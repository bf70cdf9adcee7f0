package dev.reelforge.app.web;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every servlet filter a request passes, in the order it passes them: the one list of the chain.
 * {@link FilterChainConfiguration} registers the application's links in this order, with these URL
 * patterns; the framework's links are where Spring Boot and Tomcat put them (listed so that the
 * whole chain reads in one place), and {@code FilterChainTest} checks the running server against
 * this list.
 */
public enum ChainLink {
  /** Spring Boot: decodes the request as UTF-8 before anything reads a parameter. */
  CHARACTER_ENCODING("characterEncodingFilter", Source.FRAMEWORK),
  /** Spring Boot: the request's trace span and latency metric, refusals included. */
  TRACING("webMvcObservationFilter", Source.FRAMEWORK),
  /** The request id of every log line, error body and response header. */
  REQUEST_ID("requestIdFilter", Source.APPLICATION, "/*"),
  /**
   * Only on processes without the api role: answers 404 before anything else is spent. The
   * dashboard's entry {@code /} is gated too.
   */
  ROLE_GATE("apiRoleFilter", Source.APPLICATION, Patterns.guardedAnd("/")),
  /** Cross-origin calls, only when origins are configured. */
  CORS("corsFilter", Source.APPLICATION, Patterns.API),
  /** Security headers and body limits, before anything reads a body. */
  EDGE("edgeFilter", Source.APPLICATION, "/*"),
  /** Who is calling, and may they call this route. */
  AUTH("authFilter", Source.APPLICATION, Patterns.GUARDED),
  /** Per-user limits: after authentication, which names the user. */
  RATE_LIMIT("rateLimitFilter", Source.APPLICATION, Patterns.GUARDED),
  /** Idempotency keys, scoped by the authenticated user and counted against the rate limit. */
  IDEMPOTENCY(
      "idempotencyFilter", Source.APPLICATION, "/api/*", "/images/generate", "/video/generate"),
  /** Spring MVC: form bodies of PUT, PATCH and DELETE as parameters. */
  FORM_CONTENT("formContentFilter", Source.FRAMEWORK),
  /** Spring MVC: the request bound to the thread for request-scoped beans. */
  REQUEST_CONTEXT("requestContextFilter", Source.FRAMEWORK),
  /**
   * Tomcat: upgrades {@code /api/ws/events} to a WebSocket. Mapped last by Tomcat itself, so an
   * upgrade passes authentication and rate limits like every API call.
   */
  WEBSOCKET_UPGRADE("Tomcat WebSocket (JSR356) Filter", Source.FRAMEWORK);

  /** Who registers a link. */
  public enum Source {
    /** {@link FilterChainConfiguration}, from a {@link ChainFilter} some configuration gives. */
    APPLICATION,
    /** Spring Boot or Tomcat, at the place they give it. */
    FRAMEWORK
  }

  private final String filterName;
  private final Source source;
  private final List<String> urlPatterns;

  ChainLink(String filterName, Source source, String... urlPatterns) {
    this.filterName = filterName;
    this.source = source;
    this.urlPatterns = List.of(urlPatterns);
  }

  /** The name the filter is registered under in the servlet container. */
  public String filterName() {
    return filterName;
  }

  public Source source() {
    return source;
  }

  /** The servlet URL patterns an application link is mapped to; empty for framework links. */
  public List<String> urlPatterns() {
    return urlPatterns;
  }

  /** The links {@link FilterChainConfiguration} registers, in order. */
  public static List<ChainLink> application() {
    return Stream.of(values()).filter(link -> link.source == Source.APPLICATION).toList();
  }

  /** URL patterns shared by several links. */
  private static final class Patterns {

    /**
     * The API, the dashboard's pages and signed downloads: what authentication and rate limits
     * guard, and what only processes with the api role serve.
     */
    static final String[] GUARDED = {
      "/api/*",
      "/auth/*",
      "/me",
      "/me/*",
      "/images/*",
      "/video/*",
      "/usage/*",
      "/ui",
      "/ui/*",
      "/blobs/*"
    };

    /** The routes browsers may call from other origins (CORS). */
    static final String[] API = {
      "/api/*", "/auth/*", "/me", "/me/*", "/images/*", "/video/*", "/usage/*"
    };

    private Patterns() {}

    static String[] guardedAnd(String... more) {
      return Stream.concat(Stream.of(GUARDED), Stream.of(more)).toArray(String[]::new);
    }
  }
}

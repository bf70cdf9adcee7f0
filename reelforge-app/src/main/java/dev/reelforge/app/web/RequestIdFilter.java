package dev.reelforge.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is well-formed (so a client
 * can correlate its own logs), otherwise a new one. The id is echoed in the response header, put in
 * every error body and in every log line written while the request runs.
 */
public class RequestIdFilter extends OncePerRequestFilter {

  public static final String HEADER = "X-Request-Id";
  public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
  public static final String MDC_KEY = "requestId";

  // Letters, digits and a few separators only: the id ends up in logs and headers, where
  // anything else could forge lines or split a header.
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id = accept(request.getHeader(HEADER));
    request.setAttribute(ATTRIBUTE, id);
    response.setHeader(HEADER, id);
    MDC.put(MDC_KEY, id);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(MDC_KEY);
    }
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    // The error dispatch keeps the id of the request that failed.
    return true;
  }

  static String accept(String candidate) {
    if (candidate != null && WELL_FORMED.matcher(candidate).matches()) {
      return candidate;
    }
    return "req_" + UUID.randomUUID().toString().replace("-", "");
  }

  /** The id of {@code request}, or a new one for a request the filter never saw. */
  public static String of(HttpServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    return id instanceof String s ? s : accept(null);
  }
}

package dev.reelforge.app.security;

import dev.reelforge.app.web.Caller;
import dev.reelforge.app.web.ErrorEnvelopeWriter;
import dev.reelforge.core.accounts.RateLimiter;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.LimitExceededException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits per endpoint class, per user (or per client address before sign-in and on the sign-in
 * routes), counted in PostgreSQL so that every instance shares them. Every answer carries {@code
 * RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}; a refused request gets
 * 429 with {@code Retry-After}.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final AccessPolicy policy;
  private final RateLimiter limiter;
  private final LimitsSettings limits;
  private final Clock clock;

  public RateLimitFilter(
      AccessPolicy policy, RateLimiter limiter, LimitsSettings limits, Clock clock) {
    this.policy = policy;
    this.limiter = limiter;
    this.limits = limits;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getMethod().equals("OPTIONS") || request.getRequestURI().equals("/api/health")) {
      chain.doFilter(request, response);
      return;
    }
    AccessPolicy.RateClass rateClass = policy.ruleOf(request).rateClass();
    String who =
        rateClass == AccessPolicy.RateClass.AUTH
            ? "ip:" + ClientAddress.of(request)
            : Caller.current()
                .map(c -> "user:" + c.id())
                .orElseGet(() -> "ip:" + ClientAddress.of(request));
    int limit = limitOf(rateClass);
    RateLimiter.Decision decision =
        limiter.acquire(rateClass.name().toLowerCase() + ":" + who, limit, WINDOW);
    long reset = Math.max(1, Duration.between(clock.instant(), decision.resetsAt()).toSeconds());
    response.setHeader("RateLimit-Limit", String.valueOf(decision.limit()));
    response.setHeader("RateLimit-Remaining", String.valueOf(decision.remaining()));
    response.setHeader("RateLimit-Reset", String.valueOf(reset));
    response.setHeader("RateLimit-Policy", decision.limit() + ";w=" + WINDOW.toSeconds());
    if (!decision.allowed()) {
      ErrorEnvelopeWriter.write(
          request,
          response,
          new LimitExceededException(
              ErrorCode.RATE_LIMIT_EXCEEDED,
              "at most "
                  + limit
                  + " "
                  + rateClass.name().toLowerCase()
                  + " requests a minute; try again in "
                  + reset
                  + " s",
              Duration.ofSeconds(reset)));
      return;
    }
    chain.doFilter(request, response);
  }

  private int limitOf(AccessPolicy.RateClass rateClass) {
    return switch (rateClass) {
      case AUTH -> limits.getAuthPerMinute();
      case AI -> limits.getAiPerMinute();
      case RENDER -> limits.getRenderPerMinute();
      case PREVIEW -> limits.getPreviewPerMinute();
      case MEDIA -> limits.getMediaPerMinute();
      case UPLOAD -> limits.getBrandUploadPerMinute();
      case GENERATE -> limits.getBrandGeneratePerMinute();
      case REFINE -> limits.getBrandRefinePerMinute();
      case PRODUCTION -> limits.getBrandProductionPerMinute();
      case PUBLISH -> limits.getPublishPerMinute();
      case GENERAL -> limits.getGeneralPerMinute();
    };
  }
}

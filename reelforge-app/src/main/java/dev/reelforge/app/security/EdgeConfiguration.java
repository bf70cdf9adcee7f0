package dev.reelforge.app.security;

import dev.reelforge.app.cluster.UpkeepTask;
import dev.reelforge.app.web.ChainFilter;
import dev.reelforge.app.web.ChainLink;
import dev.reelforge.app.web.SafeText;
import dev.reelforge.core.accounts.ApiKeyStore;
import dev.reelforge.core.accounts.RateLimiter;
import dev.reelforge.core.accounts.RefreshTokenStore;
import dev.reelforge.core.storage.BlobStore;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * The security filters of the HTTP edge: CORS (only when origins are configured), security headers
 * and body limits, authentication and rate limits, each given to {@link ChainLink}'s place in the
 * chain (the order and URL patterns are there). Also makes the first admin on first start and
 * purges spent windows and tokens.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class EdgeConfiguration {

  /** Request strings without NUL characters or unpaired surrogates (see {@link SafeText}). */
  @Bean
  SafeText safeText() {
    return new SafeText();
  }

  @Bean
  AccessPolicy accessPolicy() {
    return new AccessPolicy();
  }

  @Bean
  ChainFilter corsFilter(SecuritySettings settings) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(settings.getCorsAllowedOrigins());
    cors.setAllowedMethods(List.of("GET", "POST", "PATCH", "DELETE"));
    cors.setAllowedHeaders(
        List.of(
            "Authorization",
            "Content-Type",
            AuthFilter.API_KEY_HEADER,
            "Idempotency-Key",
            "X-Idempotency-Key",
            "Prefer"));
    cors.setExposedHeaders(
        List.of(
            "Retry-After",
            "RateLimit-Limit",
            "RateLimit-Remaining",
            "RateLimit-Reset",
            "X-Request-Id",
            "Location"));
    cors.setMaxAge(Duration.ofHours(1));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    // Without configured origins CORS stays off: browsers refuse cross-origin calls.
    return new ChainFilter(
        ChainLink.CORS, new CorsFilter(source), !settings.getCorsAllowedOrigins().isEmpty());
  }

  @Bean
  ChainFilter edgeFilter(AccessPolicy policy, SecuritySettings settings, BlobStore store) {
    return ChainFilter.of(ChainLink.EDGE, new EdgeFilter(policy, settings, mediaOrigin(store)));
  }

  @Bean
  ChainFilter authFilter(
      AccessPolicy policy, AccessTokens tokens, ApiKeyStore apiKeys, Accounts accounts) {
    return ChainFilter.of(ChainLink.AUTH, new AuthFilter(policy, tokens, apiKeys, accounts));
  }

  @Bean
  ChainFilter rateLimitFilter(
      AccessPolicy policy, RateLimiter limiter, LimitsSettings limits, Clock clock) {
    return ChainFilter.of(
        ChainLink.RATE_LIMIT, new RateLimitFilter(policy, limiter, limits, clock));
  }

  /**
   * On the first start (no user at all) makes the admin and prints its one-time password on the
   * console — not through the logger, so that it never reaches a log file or collector.
   */
  @Bean
  ApplicationListener<ApplicationReadyEvent> firstAdmin(
      Accounts accounts, SecuritySettings settings) {
    PrintStream console = System.out;
    return event ->
        accounts
            .bootstrapAdmin(settings.getBootstrapAdmin())
            .ifPresent(
                created ->
                    console.println(
                        "\nReelForge made the first user: "
                            + created.user().username()
                            + " (admin), one-time password: "
                            + created.generatedPassword().orElseThrow()
                            + "\nSign in with POST /auth/login and change it"
                            + " (POST /api/me/password), or reset it later with"
                            + " ./reelforge user reset-password "
                            + created.user().username()
                            + "\n"));
  }

  /**
   * Where the blob store's signed URLs point, when that is not this service: signing is local (no
   * request is made), so a sample URL tells the origin.
   */
  static String mediaOrigin(BlobStore store) {
    URI sample = store.signedUrl("origin-probe", Duration.ofMinutes(1));
    if (sample.getScheme() == null || sample.getHost() == null) {
      return "";
    }
    return sample.getScheme() + "://" + sample.getRawAuthority();
  }

  /** Drops ended rate-limit windows and expired refresh tokens every ten minutes. */
  @Bean
  UpkeepTask guardrailPurge(RateLimiter limiter, RefreshTokenStore refreshTokens, Clock clock) {
    return new UpkeepTask(
        "guardrail-purge",
        Duration.ofMinutes(1),
        Duration.ofMinutes(10),
        () ->
            limiter.purge(clock.instant().minus(Duration.ofMinutes(5)))
                + refreshTokens.purgeExpired(clock.instant().minus(Duration.ofDays(1))));
  }
}

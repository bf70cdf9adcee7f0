package dev.reelforge.app.security;

import dev.reelforge.app.cluster.UpkeepTask;
import dev.reelforge.app.config.LimitsSettings;
import dev.reelforge.app.config.SecuritySettings;
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
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * The HTTP edge of the server, in order: request id, CORS (only when origins are configured),
 * security headers and body limits, authentication, rate limits, then idempotency keys. Also makes
 * the first admin on first start and purges spent windows and tokens.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class EdgeConfiguration {

  private static final String[] API = {"/api/*", "/auth/*", "/me", "/me/*"};

  private static final String[] GUARDED = AccessPolicy.GUARDED_PATTERNS.toArray(String[]::new);

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
  FilterRegistrationBean<CorsFilter> corsFilter(SecuritySettings settings) {
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
    FilterRegistrationBean<CorsFilter> registration =
        new FilterRegistrationBean<>(new CorsFilter(source));
    registration.addUrlPatterns(API);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    // Without configured origins CORS stays off: browsers refuse cross-origin calls.
    registration.setEnabled(!settings.getCorsAllowedOrigins().isEmpty());
    return registration;
  }

  @Bean
  FilterRegistrationBean<EdgeFilter> edgeFilter(
      AccessPolicy policy, SecuritySettings settings, BlobStore store) {
    FilterRegistrationBean<EdgeFilter> registration =
        new FilterRegistrationBean<>(new EdgeFilter(policy, settings, mediaOrigin(store)));
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
    return registration;
  }

  @Bean
  FilterRegistrationBean<AuthFilter> authFilter(
      AccessPolicy policy, AccessTokens tokens, ApiKeyStore apiKeys, Accounts accounts) {
    FilterRegistrationBean<AuthFilter> registration =
        new FilterRegistrationBean<>(new AuthFilter(policy, tokens, apiKeys, accounts));
    registration.addUrlPatterns(GUARDED);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
      AccessPolicy policy, RateLimiter limiter, LimitsSettings limits, Clock clock) {
    FilterRegistrationBean<RateLimitFilter> registration =
        new FilterRegistrationBean<>(new RateLimitFilter(policy, limiter, limits, clock));
    registration.addUrlPatterns(GUARDED);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 7);
    return registration;
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

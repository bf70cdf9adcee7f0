package dev.reelforge.app.security;

import static dev.reelforge.app.web.ApiResponses.ok;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Sign-in through the configured OpenID Connect issuer: {@code GET /auth/oidc/login} sends the
 * browser to the issuer, {@code GET /auth/oidc/callback} is where it comes back and answers the
 * same tokens as {@code POST /auth/login}. Both answer 404 while no issuer is configured.
 */
@RestController
class OidcController {

  static final String STATE_COOKIE = "rf_oidc";
  private static final String COOKIE_PATH = "/auth/oidc";
  private static final Pattern ISSUER_ERROR = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final ObjectProvider<OidcLogin> login;
  private final Accounts accounts;
  private final String configuredRedirect;

  OidcController(ObjectProvider<OidcLogin> login, Accounts accounts, SecuritySettings settings) {
    this.login = login;
    this.accounts = accounts;
    this.configuredRedirect = settings.getOidc().getRedirectUri();
  }

  @GetMapping("/auth/oidc/login")
  ResponseEntity<Void> begin(
      @RequestParam(name = "to", required = false) String to, HttpServletRequest request) {
    OidcLogin.Start start = configured().begin(redirectUri(), "dashboard".equals(to));
    ResponseCookie cookie =
        ResponseCookie.from(STATE_COOKIE, start.sealedState())
            .httpOnly(true)
            .secure(request.isSecure())
            // Lax: the issuer sends the browser back with a top-level GET from its own site.
            .sameSite("Lax")
            .path(COOKIE_PATH)
            .maxAge(OidcLogin.SIGN_IN_WINDOW)
            .build();
    return ResponseEntity.status(302)
        .header(HttpHeaders.LOCATION, start.authorizationUrl())
        .header(HttpHeaders.SET_COOKIE, cookie.toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  @GetMapping("/auth/oidc/callback")
  Map<String, Object> callback(
      @RequestParam(name = "code", required = false) String code,
      @RequestParam(name = "state", required = false) String state,
      @RequestParam(name = "error", required = false) String error,
      HttpServletRequest request,
      HttpServletResponse response) {
    OidcLogin oidc = configured();
    // The state cookie is spent whatever happens next: a sign-in is tried once.
    response.addHeader(
        HttpHeaders.SET_COOKIE,
        ResponseCookie.from(STATE_COOKIE, "").path(COOKIE_PATH).maxAge(0).build().toString());
    if (error != null) {
      String shown = ISSUER_ERROR.matcher(error).matches() ? error : "an unreadable error";
      throw new ReelForgeException(
          ErrorCode.AUTH_REQUIRED, "the issuer did not sign you in: " + shown);
    }
    OidcLogin.Finished finished = oidc.finish(code, state, stateCookie(request));
    if (finished.toDashboard()) {
      // Begun on the dashboard's sign-in page: end there, signed in by its cookie.
      BrowserSession.set(
          request,
          response,
          accounts.startBrowserSession(finished.user()),
          accounts.sessionLifetime());
      response.setStatus(303);
      response.setHeader(HttpHeaders.LOCATION, "/ui");
      return null;
    }
    return ok(AccountController.tokens(accounts.startSession(finished.user())));
  }

  private OidcLogin configured() {
    OidcLogin oidc = login.getIfAvailable();
    if (oidc == null) {
      throw new ReelForgeException(
          ErrorCode.RESOURCE_NOT_FOUND,
          "OIDC sign-in is not configured (set reelforge.security.oidc.issuer)");
    }
    return oidc;
  }

  private String redirectUri() {
    if (!configuredRedirect.isBlank()) {
      return configuredRedirect;
    }
    return ServletUriComponentsBuilder.fromCurrentContextPath()
        .path("/auth/oidc/callback")
        .toUriString();
  }

  private static String stateCookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie cookie : cookies) {
      if (STATE_COOKIE.equals(cookie.getName())) {
        return cookie.getValue();
      }
    }
    return null;
  }
}

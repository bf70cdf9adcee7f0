package dev.reelforge.app.security;

import dev.reelforge.app.web.Caller;
import dev.reelforge.app.web.DashboardPages;
import dev.reelforge.app.web.ErrorEnvelopeWriter;
import dev.reelforge.core.accounts.ApiKeyStore;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.core.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who is calling, and may they call this route: a bearer access token (JWT) or an API key ({@code
 * Authorization: Bearer rfk_…} or {@code X-API-Key}) names an active user, whose role must grant
 * the permission {@link AccessPolicy} asks of the route. 401 without valid credentials, 403 without
 * the permission. Without either header, the dashboard's session cookie ({@link BrowserSession})
 * signs the browser in; a dashboard page without one redirects to the sign-in page.
 *
 * <p>A user who signed in with a one-time password (made by an admin or {@code reelforge user}) may
 * only choose a new one until it has ({@link PasswordChange}): other API calls answer 403 {@code
 * PASSWORD_CHANGE_REQUIRED}, other dashboard pages redirect to the change page.
 */
public final class AuthFilter extends OncePerRequestFilter {

  public static final String API_KEY_HEADER = "X-API-Key";

  /** How a caller signed in through the dashboard's cookie is labelled. */
  public static final String VIA_SESSION = "session";

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final AccessPolicy policy;
  private final AccessTokens tokens;
  private final ApiKeyStore apiKeys;
  private final Accounts accounts;

  public AuthFilter(
      AccessPolicy policy, AccessTokens tokens, ApiKeyStore apiKeys, Accounts accounts) {
    this.policy = policy;
    this.tokens = tokens;
    this.apiKeys = apiKeys;
    this.accounts = accounts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    AccessPolicy.Rule rule = policy.ruleOf(request);
    if (rule.isPublic() || request.getMethod().equals("OPTIONS")) {
      chain.doFilter(request, response);
      return;
    }
    SignIn signIn = authenticate(request);
    Optional<Caller> caller = signIn.user().map(Authenticated::caller);
    if (caller.isEmpty() && isDashboardPage(request)) {
      // A browser on a dashboard page is sent to sign in, and back here afterwards.
      response.sendRedirect(DashboardPages.signInFor(request));
      return;
    }
    if (caller.isEmpty()) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"reelforge\"");
      ErrorEnvelopeWriter.write(
          request, response, ErrorCode.AUTH_REQUIRED, signIn.refusal(), List.of());
      return;
    }
    if (caller.get().via().equals(VIA_SESSION)
        && !SAFE_METHODS.contains(request.getMethod())
        && !BrowserSession.isSameOrigin(request)) {
      ErrorEnvelopeWriter.write(
          request,
          response,
          ErrorCode.FORBIDDEN,
          "a request signed in by the dashboard's cookie must come from the dashboard's own pages",
          List.of());
      return;
    }
    if (signIn.user().get().user().passwordChangeRequired()
        && !PasswordChange.allows(request.getMethod(), request.getRequestURI())) {
      refuseUntilPasswordChanged(request, response);
      return;
    }
    if (!caller.get().can(rule.permission().orElseThrow())) {
      String role = caller.get().role().wireName();
      if (isDashboardPage(request)) {
        DashboardPages.writeError(
            response,
            HttpServletResponse.SC_FORBIDDEN,
            "Your role (" + role + ") may not open this page.");
      } else {
        ErrorEnvelopeWriter.write(
            request,
            response,
            ErrorCode.FORBIDDEN,
            "the " + role + " role may not do this",
            List.of());
      }
      return;
    }
    Caller.Scope signedIn = Caller.signIn(caller.get());
    try {
      chain.doFilter(request, response);
    } finally {
      signedIn.close();
    }
  }

  private static void refuseUntilPasswordChanged(
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (DashboardPages.isPage(request.getRequestURI())) {
      // Every page of the dashboard leads to the one where the new password is chosen, and on
      // to the page asked for once it is.
      response.sendRedirect(DashboardPages.comingBackTo(PasswordChange.PAGE, request));
      return;
    }
    ErrorEnvelopeWriter.write(
        request,
        response,
        ErrorCode.PASSWORD_CHANGE_REQUIRED,
        "this account signed in with a one-time password: choose your own first, with POST"
            + " /api/me/password {\"currentPassword\",\"newPassword\"} or on the dashboard;"
            + " the same token then works for everything else",
        List.of());
  }

  private static boolean isDashboardPage(HttpServletRequest request) {
    return request.getMethod().equals("GET") && DashboardPages.isPage(request.getRequestURI());
  }

  /** Who signed in, or why nobody did: the refusal tells a client whether refreshing helps. */
  private record SignIn(Optional<Authenticated> user, String refusal) {

    static final String NO_CREDENTIAL =
        "sign in: no access token (send 'Authorization: Bearer <access token or API key>')";

    static SignIn as(Optional<Authenticated> user, String refusal) {
      return new SignIn(user, refusal);
    }

    static SignIn refused(String refusal) {
      return new SignIn(Optional.empty(), refusal);
    }
  }

  /** The signed-in user as read for this request, and how it is labelled downstream. */
  private record Authenticated(UserAccount user, Caller caller) {
    static Authenticated of(UserAccount user, String via) {
      return new Authenticated(user, new Caller(user.id(), user.username(), user.role(), via));
    }
  }

  private SignIn authenticate(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    String credential = null;
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      credential = header.substring(7).trim();
    } else if (request.getHeader(API_KEY_HEADER) != null) {
      credential = request.getHeader(API_KEY_HEADER).trim();
    }
    if (credential == null) {
      // No header: a browser signed in to the dashboard.
      Optional<String> cookie = BrowserSession.of(request);
      return SignIn.as(
          cookie
              .flatMap(accounts::browserSessionUser)
              .map(user -> Authenticated.of(user, VIA_SESSION)),
          cookie.isEmpty()
              ? SignIn.NO_CREDENTIAL
              : "the dashboard session has ended; sign in again");
    }
    if (credential.isEmpty()) {
      return SignIn.refused(SignIn.NO_CREDENTIAL);
    }
    if (credential.length() > 4096) {
      return SignIn.refused("the access token is not valid");
    }
    Optional<UUID> userId;
    String via;
    if (credential.startsWith(Secrets.API_KEY_PREFIX)) {
      userId = apiKeys.use(Secrets.hash(credential));
      via = "api-key";
      if (userId.isEmpty()) {
        return SignIn.refused("the API key is not valid (unknown or revoked)");
      }
    } else {
      via = "token";
      switch (tokens.check(credential)) {
        case AccessTokens.Verdict.Valid valid -> userId = Optional.of(valid.userId());
        case AccessTokens.Verdict.Expired expired -> {
          return SignIn.refused("the access token has expired; refresh it");
        }
        case AccessTokens.Verdict.Invalid invalid -> {
          return SignIn.refused("the access token is not valid");
        }
      }
    }
    return SignIn.as(
        userId.flatMap(accounts::activeUser).map((UserAccount user) -> Authenticated.of(user, via)),
        "the account is disabled or no longer exists");
  }
}

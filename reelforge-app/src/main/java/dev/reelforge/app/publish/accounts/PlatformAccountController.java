package dev.reelforge.app.publish.accounts;

import static dev.reelforge.app.web.ApiResponses.ok;

import dev.reelforge.app.security.Audit;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.accounts.AccountConnections;
import dev.reelforge.core.publish.accounts.PlatformAccount;
import dev.reelforge.core.publish.accounts.TokenKeeper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One's platform accounts: {@code /api/platform-accounts} lists them (never a token), {@code
 * …/{platform}/connect} starts the OAuth 2 flow, {@code …/callback} is where the platform sends the
 * browser back, and an account can be read, refreshed and disconnected (revoked, then removed).
 */
@RestController
class PlatformAccountController {

  static final String CALLBACK = "/api/platform-accounts/callback";
  static final String PAGE = "/ui/accounts/platforms";

  /** RFC 6749's error codes are short ASCII words; anything else is not shown back. */
  private static final Pattern PLATFORM_ERROR = Pattern.compile("[a-z_]{1,64}");

  private final AccountConnections connections;
  private final TokenKeeper accountAccess;
  private final PlatformAccountsSettings settings;
  private final Audit audit;

  PlatformAccountController(
      AccountConnections connections,
      TokenKeeper accountAccess,
      PlatformAccountsSettings settings,
      Audit audit) {
    this.connections = connections;
    this.accountAccess = accountAccess;
    this.settings = settings;
    this.audit = audit;
  }

  @GetMapping("/api/platform-accounts")
  Map<String, Object> list() {
    return ok(
        Map.of(
            "accounts",
            connections.list(RequestOwner.current()).stream()
                .map(PlatformAccountController::describe)
                .toList()));
  }

  @PostMapping("/api/platform-accounts/{platform}/connect")
  Map<String, Object> connect(@PathVariable String platform) {
    AccountConnections.Started started = start(platform);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("authorizationUrl", started.authorizationUrl().toString());
    data.put("state", started.state());
    data.put("expiresAt", started.expiresAt().toString());
    return ok(data);
  }

  /** Starts connecting {@code platform} for the caller (the dashboard's button, too). */
  AccountConnections.Started start(String platform) {
    Platform chosen = Platform.of(platform, "platform");
    connections.purgeExpired();
    return connections.start(RequestOwner.current(), chosen, redirectUri());
  }

  /**
   * The platform sends the browser here with {@code code} and {@code state} (or {@code error}). A
   * browser (asking for HTML) is sent on to the dashboard page, which says what happened; other
   * callers get the account or the error envelope.
   */
  @GetMapping(CALLBACK)
  Map<String, Object> callback(
      @RequestParam(name = "code", required = false) String code,
      @RequestParam(name = "state", required = false) String state,
      @RequestParam(name = "error", required = false) String error,
      HttpServletRequest request,
      HttpServletResponse response) {
    boolean browser = String.valueOf(request.getHeader(HttpHeaders.ACCEPT)).contains("text/html");
    try {
      UUID owner = RequestOwner.current();
      if (error != null) {
        Platform platform = connections.cancel(owner, state);
        String shown = PLATFORM_ERROR.matcher(error).matches() ? error : "an unreadable error";
        throw new ReelForgeException(
            ErrorCode.CONFLICT, platform.key() + " did not grant access: " + shown);
      }
      PlatformAccount account = connections.finish(owner, state, code);
      audit.record(
          "platform_account.connect",
          "platform_account",
          account.id().toString(),
          null,
          auditView(account));
      if (browser) {
        redirect(response, PAGE + "?connected=" + account.platform().key());
        return null;
      }
      return ok(describe(account));
    } catch (ReelForgeException e) {
      if (!browser) {
        throw e;
      }
      redirect(
          response, PAGE + "?error=" + URLEncoder.encode(e.getMessage(), StandardCharsets.UTF_8));
      return null;
    }
  }

  @GetMapping("/api/platform-accounts/{id}")
  Map<String, Object> get(@PathVariable String id) {
    return ok(describe(connections.get(RequestOwner.current(), accountId(id))));
  }

  @PostMapping("/api/platform-accounts/{id}/refresh")
  Map<String, Object> refresh(@PathVariable String id) {
    try {
      return ok(describe(accountAccess.refreshNow(RequestOwner.current(), accountId(id))));
    } catch (ReelForgeException e) {
      if (e.code() != ErrorCode.AUTH_REQUIRED) {
        throw e;
      }
      // The caller is signed in: 401 would read as "sign in again". The account is what must be
      // connected again.
      throw new ReelForgeException(ErrorCode.CONFLICT, e.getMessage());
    }
  }

  @DeleteMapping("/api/platform-accounts/{id}")
  Map<String, Object> delete(@PathVariable String id) {
    AccountConnections.Disconnected gone = disconnect(id);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", gone.account().id().toString());
    data.put("deleted", true);
    data.put("revoked", gone.revoked());
    if (!gone.revoked()) {
      data.put("revokeError", gone.revokeError());
    }
    return ok(data);
  }

  /** Revokes and removes the caller's account {@code id}, with an audit entry. */
  AccountConnections.Disconnected disconnect(String id) {
    AccountConnections.Disconnected gone =
        connections.disconnect(RequestOwner.current(), accountId(id));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("revoked", gone.revoked());
    audit.record(
        "platform_account.disconnect",
        "platform_account",
        gone.account().id().toString(),
        auditView(gone.account()),
        after);
    return gone;
  }

  private String redirectUri() {
    if (!settings.getRedirectUri().isBlank()) {
      return settings.getRedirectUri().strip();
    }
    return ServletUriComponentsBuilder.fromCurrentContextPath().path(CALLBACK).toUriString();
  }

  private static void redirect(HttpServletResponse response, String location) {
    response.setStatus(303);
    response.setHeader(HttpHeaders.LOCATION, location);
  }

  private static UUID accountId(String id) {
    return Ids.parse(id, "Platform account");
  }

  private static Map<String, Object> auditView(PlatformAccount account) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("platform", account.platform().key());
    view.put("externalId", account.externalId());
    view.put("displayName", account.displayName());
    return view;
  }

  /** An account as the API shows it: never a token. */
  static Map<String, Object> describe(PlatformAccount account) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", account.id().toString());
    data.put("platform", account.platform().key());
    data.put("externalId", account.externalId());
    data.put("displayName", account.displayName());
    data.put("scopes", List.copyOf(new java.util.TreeSet<>(account.scopes())));
    data.put("status", account.status().key());
    account.tokenExpiresAt().ifPresent(at -> data.put("tokenExpiresAt", at.toString()));
    data.put("connectedAt", account.connectedAt().toString());
    return data;
  }
}

package dev.reelforge.app.security;

import static dev.reelforge.app.web.ApiResponses.ok;

import dev.reelforge.app.web.Caller;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.core.accounts.ApiKeyStore;
import dev.reelforge.core.accounts.CreditLedger;
import dev.reelforge.core.accounts.UsageMeter;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.core.error.ReelForgeException;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing in and one's own account (seed 004): login, refresh, logout, {@code GET /me}, usage and
 * credits, password change, API keys.
 */
@RestController
public class AccountController {

  private static final Pattern PERIOD = Pattern.compile("([1-9][0-9]?)d");

  private final Accounts accounts;
  private final ApiKeys apiKeys;
  private final UsageMeter usage;
  private final CreditLedger credits;
  private final WorkAdmission admission;

  public AccountController(
      Accounts accounts,
      ApiKeys apiKeys,
      UsageMeter usage,
      CreditLedger credits,
      WorkAdmission admission) {
    this.accounts = accounts;
    this.apiKeys = apiKeys;
    this.usage = usage;
    this.credits = credits;
    this.admission = admission;
  }

  @PostMapping({"/auth/login", "/api/auth/login"})
  Map<String, Object> login(@Valid @RequestBody AccountRequests.Login body) {
    UserAccount user = accounts.authenticate(body.username(), body.password());
    Map<String, Object> data = tokens(accounts.startSession(user));
    // A one-time password signs in, but the tokens only serve to choose a new one (AuthFilter).
    data.put("passwordChangeRequired", user.passwordChangeRequired());
    return ok(data);
  }

  @PostMapping({"/auth/refresh", "/api/auth/refresh"})
  Map<String, Object> refresh(@Valid @RequestBody AccountRequests.Refresh body) {
    return ok(tokens(accounts.refresh(body.refreshToken())));
  }

  @PostMapping({"/auth/logout", "/api/auth/logout"})
  Map<String, Object> logout(@Valid @RequestBody AccountRequests.Refresh body) {
    accounts.logout(body.refreshToken());
    return ok(Map.of("signedOut", true));
  }

  @GetMapping({"/me", "/api/me"})
  Map<String, Object> me() {
    UserAccount user = accounts.user(RequestOwner.current());
    Map<String, Object> data = describe(user);
    data.put("permissions", user.role().permissions().stream().map(Enum::name).sorted().toList());
    data.put("credits", credits.balance(user.id()));
    data.put("via", Caller.current().map(Caller::via).orElse(""));
    return ok(data);
  }

  @GetMapping({"/me/usage/current", "/api/me/usage/current"})
  Map<String, Object> usageNow() {
    UUID owner = RequestOwner.current();
    List<Map<String, Object>> kinds = new ArrayList<>();
    for (UsageMeter.Usage used : usage.current(owner, WorkAdmission.KINDS)) {
      UsageMeter.Limits limits = admission.limitsOf(owner, used.kind());
      Map<String, Object> kind = new LinkedHashMap<>();
      kind.put("kind", used.kind());
      kind.put("today", used.today());
      kind.put("dailyLimit", limits.daily());
      kind.put("thisMonth", used.thisMonth());
      kind.put("monthlyLimit", limits.monthly());
      kinds.add(kind);
    }
    UserAccount user = accounts.user(owner);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("usage", kinds);
    data.put("flagged", user.abuseFlaggedAt().isPresent());
    data.put("credits", credits.balance(owner));
    return ok(data);
  }

  @GetMapping({
    "/me/usage/history",
    "/api/me/usage/history",
    "/usage/history",
    "/api/usage/history"
  })
  Map<String, Object> usageHistory(@RequestParam(defaultValue = "7d") String period) {
    Matcher days = PERIOD.matcher(period);
    if (!days.matches() || Integer.parseInt(days.group(1)) > 90) {
      throw ReelForgeException.invalidField("period", "must be 1d to 90d, e.g. 7d");
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (UsageMeter.DailyUsage day :
        usage.history(RequestOwner.current(), Integer.parseInt(days.group(1)))) {
      rows.add(Map.of("day", day.day().toString(), "kind", day.kind(), "units", day.units()));
    }
    return ok(Map.of("period", period, "days", rows));
  }

  @GetMapping("/api/me/credits")
  Map<String, Object> credits(@RequestParam(defaultValue = "50") int limit) {
    if (limit < 1 || limit > 500) {
      throw ReelForgeException.invalidField("limit", "must be between 1 and 500");
    }
    UUID owner = RequestOwner.current();
    List<Map<String, Object>> entries = new ArrayList<>();
    for (CreditLedger.Entry entry : credits.entries(owner, limit)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("amount", entry.amount());
      row.put("balanceAfter", entry.balanceAfter());
      row.put("reason", entry.reason());
      entry.runId().ifPresent(r -> row.put("runId", r.toString()));
      entry.note().ifPresent(n -> row.put("note", n));
      row.put("at", entry.createdAt().toString());
      entries.add(row);
    }
    return ok(Map.of("balance", credits.balance(owner), "entries", entries));
  }

  @PostMapping("/api/me/password")
  Map<String, Object> changePassword(@Valid @RequestBody AccountRequests.ChangePassword body) {
    accounts.changePassword(
        accounts.user(RequestOwner.current()), body.currentPassword(), body.newPassword());
    return ok(Map.of("changed", true, "signedOutEverywhere", true));
  }

  @GetMapping("/api/me/api-keys")
  Map<String, Object> listKeys() {
    return ok(apiKeys.list(RequestOwner.current()).stream().map(AccountController::key).toList());
  }

  @PostMapping("/api/me/api-keys")
  Map<String, Object> createKey(@Valid @RequestBody AccountRequests.NewApiKey body) {
    ApiKeys.Issued issued = apiKeys.create(RequestOwner.current(), body.name());
    Map<String, Object> data = key(issued.key());
    data.put("key", issued.secret());
    data.put("shownOnce", true);
    return ok(data);
  }

  @DeleteMapping("/api/me/api-keys/{id}")
  Map<String, Object> revokeKey(@PathVariable String id) {
    apiKeys.revoke(RequestOwner.current(), id);
    return ok(Map.of("id", id, "revoked", true));
  }

  private static Map<String, Object> key(ApiKeyStore.ApiKey key) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", key.id().toString());
    data.put("name", key.name());
    data.put("prefix", key.prefix());
    data.put("createdAt", key.createdAt().toString());
    key.lastUsedAt().ifPresent(t -> data.put("lastUsedAt", t.toString()));
    key.revokedAt().ifPresent(t -> data.put("revokedAt", t.toString()));
    return data;
  }

  static Map<String, Object> tokens(Accounts.Tokens tokens) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("accessToken", tokens.accessToken());
    data.put("tokenType", "Bearer");
    data.put("expiresIn", tokens.expiresInSeconds());
    data.put("refreshToken", tokens.refreshToken());
    return data;
  }

  static Map<String, Object> describe(UserAccount user) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", user.id().toString());
    data.put("username", user.username());
    data.put("displayName", user.displayName());
    data.put("role", user.role().wireName());
    data.put("active", user.active());
    data.put("passwordChangeRequired", user.passwordChangeRequired());
    user.abuseFlaggedAt().ifPresent(t -> data.put("flaggedAt", t.toString()));
    data.put("createdAt", user.createdAt().toString());
    return data;
  }
}

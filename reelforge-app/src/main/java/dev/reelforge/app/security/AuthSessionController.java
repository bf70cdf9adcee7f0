package dev.reelforge.app.security;

import static dev.reelforge.app.web.ApiResponses.ok;

import dev.reelforge.app.web.Caller;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.core.accounts.UserAccount;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 002's {@code GET /api/auth/session}: who is signed in and how ({@code token}, {@code
 * api-key}, or the dashboard's {@code session} cookie). Anonymous callers get the 401 envelope from
 * the authentication filter, like every route that needs a user; there is no empty session.
 */
@RestController
public class AuthSessionController {

  private final Accounts accounts;

  public AuthSessionController(Accounts accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/api/auth/session")
  Map<String, Object> session() {
    UserAccount user = accounts.user(RequestOwner.current());
    Map<String, Object> who = new LinkedHashMap<>();
    who.put("id", user.id().toString());
    who.put(
        "name",
        user.displayName() == null || user.displayName().isBlank()
            ? user.username()
            : user.displayName());
    who.put("username", user.username());
    who.put("role", user.role().wireName());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("user", who);
    data.put("signedInVia", Caller.current().map(Caller::via).orElse(""));
    data.put("permissions", user.role().permissions().stream().map(Enum::name).sorted().toList());
    data.put("passwordChangeRequired", user.passwordChangeRequired());
    return ok(data);
  }
}

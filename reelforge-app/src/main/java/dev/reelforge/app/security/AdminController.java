package dev.reelforge.app.security;

import static dev.reelforge.app.web.ApiResponses.ok;

import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.core.accounts.AuditLog;
import dev.reelforge.core.accounts.CreditLedger;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.providers.ProviderRegistry;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Admin routes: users, credit grants, the audit log, provider settings. */
@RestController
public class AdminController {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Accounts accounts;
  private final CreditLedger credits;
  private final AuditLog auditLog;
  private final CreditGrants grants;
  private final AccountEraser eraser;
  private final ProviderRegistry providers;

  public AdminController(
      Accounts accounts,
      CreditLedger credits,
      AuditLog auditLog,
      CreditGrants grants,
      AccountEraser eraser,
      ProviderRegistry providers) {
    this.accounts = accounts;
    this.credits = credits;
    this.auditLog = auditLog;
    this.grants = grants;
    this.eraser = eraser;
    this.providers = providers;
  }

  @GetMapping("/api/admin/users")
  Map<String, Object> users() {
    List<Map<String, Object>> users = new ArrayList<>();
    for (UserAccount user : accounts.list()) {
      Map<String, Object> row = AccountController.describe(user);
      row.put("credits", credits.balance(user.id()));
      users.add(row);
    }
    return ok(users);
  }

  @PostMapping("/api/admin/users")
  Map<String, Object> create(@Valid @RequestBody AccountRequests.NewUser body) {
    Accounts.Created created =
        accounts.create(
            body.username(), Role.fromWire(body.role()), Optional.ofNullable(body.password()));
    Map<String, Object> data = AccountController.describe(created.user());
    created.generatedPassword().ifPresent(p -> data.put("oneTimePassword", p));
    return ok(data);
  }

  @PatchMapping("/api/admin/users/{id}")
  Map<String, Object> update(
      @PathVariable String id, @Valid @RequestBody AccountRequests.UpdateUser body) {
    UUID userId = userId(id);
    if (userId.equals(RequestOwner.current()) && (body.role() != null || body.active() != null)) {
      throw new ReelForgeException(
          ErrorCode.CONFLICT, "an admin cannot change its own role or disable itself");
    }
    UserAccount user =
        accounts.update(
            userId,
            Optional.ofNullable(body.role()).map(Role::fromWire),
            Optional.ofNullable(body.active()));
    return ok(AccountController.describe(user));
  }

  @PostMapping("/api/admin/users/{id}/reset-password")
  Map<String, Object> resetPassword(
      @PathVariable String id, @Valid @RequestBody AccountRequests.ResetPassword body) {
    Optional<String> generated =
        accounts.resetPassword(userId(id), Optional.ofNullable(body.password()));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", id);
    data.put("signedOutEverywhere", true);
    generated.ifPresent(p -> data.put("oneTimePassword", p));
    return ok(data);
  }

  @DeleteMapping("/api/admin/users/{id}")
  Map<String, Object> erase(@PathVariable String id) {
    UUID userId = userId(id);
    if (userId.equals(RequestOwner.current())) {
      throw new ReelForgeException(ErrorCode.CONFLICT, "an admin cannot erase itself");
    }
    AccountEraser.Erased erased = eraser.erase(userId);
    return ok(
        Map.of(
            "id",
            id,
            "erased",
            true,
            "runsStopped",
            erased.runsStopped(),
            "foldersDeleted",
            erased.foldersDeleted(),
            "mediaFilesDeleted",
            erased.mediaFilesDeleted()));
  }

  @PostMapping("/api/admin/users/{id}/credits")
  Map<String, Object> grant(
      @PathVariable String id, @Valid @RequestBody AccountRequests.Grant body) {
    CreditLedger.Change change =
        grants.grant(userId(id), body.amount(), Optional.ofNullable(body.note()));
    return ok(Map.of("id", id, "before", change.before(), "after", change.after()));
  }

  @GetMapping("/api/admin/audit")
  Map<String, Object> audit(
      @RequestParam(required = false) String targetType,
      @RequestParam(required = false) String targetId,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > 1000) {
      throw ReelForgeException.invalidField("limit", "must be between 1 and 1000");
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (AuditLog.Recorded recorded :
        auditLog.list(Optional.ofNullable(targetType), Optional.ofNullable(targetId), limit)) {
      AuditLog.Entry entry = recorded.entry();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", recorded.id());
      row.put("at", recorded.createdAt().toString());
      row.put("actor", entry.actor());
      row.put("action", entry.action());
      row.put("targetType", entry.targetType());
      row.put("targetId", entry.targetId());
      row.put("before", entry.before() == null ? null : JSON.readTree(entry.before()));
      row.put("after", entry.after() == null ? null : JSON.readTree(entry.after()));
      entry.requestId().ifPresent(r -> row.put("requestId", r));
      entry.ipAddress().ifPresent(ip -> row.put("ipAddress", ip));
      entry.userAgent().ifPresent(agent -> row.put("userAgent", agent));
      rows.add(row);
    }
    return ok(rows);
  }

  @GetMapping("/api/admin/providers")
  Map<String, Object> providers() {
    return ok(providers.statuses());
  }

  private static UUID userId(String id) {
    return Ids.parse(id, "User");
  }
}

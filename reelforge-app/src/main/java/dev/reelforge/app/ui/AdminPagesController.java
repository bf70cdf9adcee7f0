package dev.reelforge.app.ui;

import dev.reelforge.app.doctor.Doctor;
import dev.reelforge.app.security.Accounts;
import dev.reelforge.app.security.CreditGrants;
import dev.reelforge.core.accounts.AuditLog;
import dev.reelforge.core.accounts.CreditLedger;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.core.diagnostics.Finding;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admins' pages: users and their credits (with grants), the audit log, provider status. */
@Controller
public class AdminPagesController {

  private final Accounts accounts;
  private final CreditLedger credits;
  private final AuditLog auditLog;
  private final CreditGrants grants;
  private final Doctor doctor;

  AdminPagesController(
      Accounts accounts,
      CreditLedger credits,
      AuditLog auditLog,
      CreditGrants grants,
      Doctor doctor) {
    this.accounts = accounts;
    this.credits = credits;
    this.auditLog = auditLog;
    this.grants = grants;
    this.doctor = doctor;
  }

  @GetMapping("/ui/admin/users")
  String users(Model model) {
    return usersPage(model);
  }

  /**
   * Adds a user with a generated one-time password, shown once on the page that answers (never
   * stored in the clear, never put in a URL); the user must choose its own at first sign-in.
   */
  @PostMapping("/ui/admin/users")
  String addUser(
      @RequestParam(name = "username", defaultValue = "") String username,
      @RequestParam(name = "role", defaultValue = "") String role,
      HttpServletResponse response,
      Model model) {
    Map<String, String> errors = new LinkedHashMap<>();
    Role chosen = null;
    try {
      chosen = Role.fromWire(role);
    } catch (ReelForgeException e) {
      errors.put("role", "Choose one of the roles offered.");
    }
    if (errors.isEmpty()) {
      try {
        Accounts.Created created = accounts.create(username.strip(), chosen, Optional.empty());
        model.addAttribute(
            "oneTime",
            new OneTimePassword(
                created.user().username(), created.generatedPassword().orElseThrow(), true));
        return usersPage(model);
      } catch (ReelForgeException e) {
        if (e.code() == ErrorCode.CONFLICT) {
          errors.put("username", "This username is taken.");
        }
        e.violations().forEach(v -> errors.put(v.field(), "The username " + v.message() + "."));
        if (errors.isEmpty()) {
          throw e;
        }
      }
    }
    response.setStatus(statusFor(errors));
    model.addAttribute("errors", errors);
    model.addAttribute("newUsername", username);
    return usersPage(model);
  }

  /** A new one-time password for a user, shown once; every session of the user ends. */
  @PostMapping("/ui/admin/users/{id}/reset-password")
  String resetPassword(@PathVariable String id, Model model) {
    UserAccount user = accounts.user(Ids.parse(id, "User"));
    String password = accounts.resetPassword(user.id(), Optional.empty()).orElseThrow();
    model.addAttribute("oneTime", new OneTimePassword(user.username(), password, false));
    return usersPage(model);
  }

  private String usersPage(Model model) {
    model.addAttribute(
        "users",
        accounts.list().stream().map(u -> new UserView(u, credits.balance(u.id()))).toList());
    model.addAttribute("roles", Arrays.stream(Role.values()).map(Role::wireName).sorted().toList());
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    return "ui/users";
  }

  private static int statusFor(Map<String, String> errors) {
    return errors.containsKey("username") && errors.get("username").contains("taken") ? 409 : 400;
  }

  /** A generated password shown once, for a user just made ({@code created}) or reset. */
  public record OneTimePassword(String username, String password, boolean created) {}

  @PostMapping("/ui/admin/users/{id}/credits")
  String grant(
      @PathVariable String id,
      @RequestParam(name = "amount") long amount,
      @RequestParam(name = "note", required = false) String note) {
    grants.grant(Ids.parse(id, "User"), amount, Optional.ofNullable(note));
    return "redirect:/ui/admin/users";
  }

  @GetMapping("/ui/admin/audit")
  String audit(Model model) {
    model.addAttribute(
        "entries",
        auditLog.list(Optional.empty(), Optional.empty(), 200).stream()
            .map(AuditView::of)
            .toList());
    return "ui/audit";
  }

  @GetMapping("/ui/admin/providers")
  String providers(Model model) {
    List<Finding> findings = doctor.findings();
    model.addAttribute(
        "findings",
        findings.stream()
            .map(
                f ->
                    new FindingView(
                        f.component(),
                        f.status().name().toLowerCase(Locale.ROOT),
                        f.summary(),
                        f.fix()))
            .toList());
    return "ui/providers";
  }

  public record UserView(UserAccount user, long credits) {
    public String role() {
      return user.role().wireName();
    }
  }

  public record AuditView(
      String at, String actor, String action, String target, String before, String after) {
    static AuditView of(AuditLog.Recorded recorded) {
      AuditLog.Entry e = recorded.entry();
      return new AuditView(
          Pages.when(recorded.createdAt()),
          e.actor(),
          e.action(),
          e.targetType() + " " + e.targetId(),
          e.before() == null ? "" : e.before(),
          e.after() == null ? "" : e.after());
    }
  }

  public record FindingView(String component, String status, String summary, String fix) {}
}

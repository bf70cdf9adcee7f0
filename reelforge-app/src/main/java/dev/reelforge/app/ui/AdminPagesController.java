package dev.reelforge.app.ui;

import dev.reelforge.app.doctor.Doctor;
import dev.reelforge.app.security.Accounts;
import dev.reelforge.app.security.CreditGrants;
import dev.reelforge.core.accounts.AuditLog;
import dev.reelforge.core.accounts.CreditLedger;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.core.diagnostics.Finding;
import dev.reelforge.core.id.Ids;
import java.util.List;
import java.util.Locale;
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
    model.addAttribute(
        "users",
        accounts.list().stream().map(u -> new UserView(u, credits.balance(u.id()))).toList());
    return "ui/users";
  }

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

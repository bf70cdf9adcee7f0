package dev.reelforge.app.ui;

import dev.reelforge.app.doctor.Doctor;
import dev.reelforge.app.moderation.ModerationChoices;
import dev.reelforge.app.security.Accounts;
import dev.reelforge.app.security.CreditGrants;
import dev.reelforge.app.security.Quotas;
import dev.reelforge.core.accounts.AuditLog;
import dev.reelforge.core.accounts.CreditLedger;
import dev.reelforge.core.accounts.Role;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.core.diagnostics.Finding;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admins' pages: users with their credits (with grants) and quotas (set or back to the
 * defaults), the audit log, provider status.
 */
@Controller
public class AdminPagesController {

  private final Accounts accounts;
  private final CreditLedger credits;
  private final AuditLog auditLog;
  private final CreditGrants grants;
  private final Quotas quotas;
  private final Doctor doctor;
  private final ModerationChoices moderation;

  AdminPagesController(
      Accounts accounts,
      CreditLedger credits,
      AuditLog auditLog,
      CreditGrants grants,
      Quotas quotas,
      Doctor doctor,
      ModerationChoices moderation) {
    this.accounts = accounts;
    this.credits = credits;
    this.auditLog = auditLog;
    this.grants = grants;
    this.quotas = quotas;
    this.doctor = doctor;
    this.moderation = moderation;
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

  /**
   * Sets a user's moderation preset and regions (comma-separated), as {@code PUT
   * /api/admin/users/{id}/moderation} does, audited; an unknown name answers the error page.
   */
  @PostMapping("/ui/admin/users/{id}/moderation")
  String setModeration(
      @PathVariable String id,
      @RequestParam(name = "preset", required = false) String preset,
      @RequestParam(name = "regions", defaultValue = "") String regions) {
    UserAccount user = accounts.user(Ids.parse(id, "User"));
    List<String> names =
        Arrays.stream(regions.split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList();
    moderation.setByAdmin(user.id(), moderation.checked(preset, names));
    return "redirect:/ui/admin/users";
  }

  private String usersPage(Model model) {
    Map<String, String> moderationOf = new HashMap<>();
    for (UserAccount user : accounts.list()) {
      moderationOf.put(
          user.id().toString(), ModerationChoices.summary(moderation.forUser(user.id())));
    }
    model.addAttribute("moderationOf", moderationOf);
    model.addAttribute("presets", moderation.options().get("presets"));
    model.addAttribute(
        "users",
        accounts.list().stream()
            .map(u -> new UserView(u, credits.balance(u.id()), quotas.of(u.id())))
            .toList());
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

  /**
   * Sets a user's own daily and monthly limits of one kind (0: unlimited), as {@code PUT
   * /api/admin/users/{id}/quotas/{kind}} does; a refused value comes back next to that form.
   */
  @PostMapping("/ui/admin/users/{id}/quotas/{kind}")
  String setQuota(
      @PathVariable String id,
      @PathVariable String kind,
      @RequestParam(name = "daily", defaultValue = "") String daily,
      @RequestParam(name = "monthly", defaultValue = "") String monthly,
      HttpServletResponse response,
      Model model) {
    UUID user = Ids.parse(id, "User");
    try {
      quotas.set(user, kind, limit("daily", daily), limit("monthly", monthly));
      return "redirect:/ui/admin/users";
    } catch (ReelForgeException e) {
      // An unknown kind has no form to answer next to: the error page says it.
      if (e.violations().isEmpty() || e.violations().get(0).field().equals("kind")) {
        throw e;
      }
      FieldViolation first = e.violations().get(0);
      response.setStatus(e.code().httpStatus());
      model.addAttribute(
          "quotaError",
          new QuotaError(user.toString(), kind, first.field() + " " + first.message()));
      return usersPage(model);
    }
  }

  /** Returns a user to the server's limits of one kind. */
  @PostMapping("/ui/admin/users/{id}/quotas/{kind}/reset")
  String resetQuota(@PathVariable String id, @PathVariable String kind) {
    quotas.reset(Ids.parse(id, "User"), kind);
    return "redirect:/ui/admin/users";
  }

  private static int limit(String field, String typed) {
    try {
      return Integer.parseInt(typed.strip());
    } catch (NumberFormatException e) {
      throw ReelForgeException.invalidField(
          field, "must be a whole number from 0 (unlimited) to " + Quotas.MAX_LIMIT);
    }
  }

  /** A refused quota form: which user's and kind's, and why. */
  public record QuotaError(String userId, String kind, String message) {}

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

  public record UserView(UserAccount user, long credits, List<Quotas.Quota> quotas) {
    public String role() {
      return user.role().wireName();
    }

    /** The limits in force, in one line: {@code image 20/200 · video 5/50 (own)}. */
    public String quotaSummary() {
      return String.join(
          " · ",
          quotas.stream()
              .map(
                  q ->
                      q.kind()
                          + " "
                          + limitText(q.daily())
                          + "/"
                          + limitText(q.monthly())
                          + (q.overridden() ? " (own)" : ""))
              .toList());
    }

    private static String limitText(int limit) {
      return limit == 0 ? "∞" : String.valueOf(limit);
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

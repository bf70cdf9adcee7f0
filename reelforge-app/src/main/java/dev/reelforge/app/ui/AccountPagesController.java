package dev.reelforge.app.ui;

import dev.reelforge.app.security.Accounts;
import dev.reelforge.app.security.BrowserSession;
import dev.reelforge.app.security.PasswordChange;
import dev.reelforge.app.security.SecuritySettings;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One's own account on the dashboard: the page where a password is changed. A user who signed in
 * with a one-time password is sent here from every page until it has chosen its own.
 */
@Controller
public class AccountPagesController {

  private static final int MAX_LENGTH = 200;

  private final Accounts accounts;
  private final int minLength;

  AccountPagesController(Accounts accounts, SecuritySettings settings) {
    this.accounts = accounts;
    this.minLength = settings.getPasswordMinLength();
  }

  @ModelAttribute("minLength")
  int minLength() {
    return minLength;
  }

  @GetMapping(PasswordChange.PAGE)
  String form(@RequestParam(name = "next", defaultValue = "") String next, Model model) {
    model.addAttribute("next", SignInController.safeNext(next));
    return page(model, accounts.user(RequestOwner.current()), Map.of());
  }

  @PostMapping(PasswordChange.PAGE)
  String change(
      @RequestParam(name = "currentPassword", defaultValue = "") String current,
      @RequestParam(name = "newPassword", defaultValue = "") String replacement,
      @RequestParam(name = "repeatPassword", defaultValue = "") String repeat,
      @RequestParam(name = "next", defaultValue = "") String next,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    UserAccount user = accounts.user(RequestOwner.current());
    Map<String, String> errors = new LinkedHashMap<>();
    if (current.isEmpty() || current.length() > MAX_LENGTH) {
      errors.put("currentPassword", "Enter your current password.");
    }
    if (!replacement.equals(repeat)) {
      errors.put("repeatPassword", "The two new passwords differ.");
    }
    if (replacement.length() > MAX_LENGTH) {
      errors.put("newPassword", "At most " + MAX_LENGTH + " characters.");
    }
    if (errors.isEmpty()) {
      try {
        accounts.changePassword(user, current, replacement);
      } catch (ReelForgeException e) {
        for (FieldViolation violation : e.violations()) {
          errors.put(violation.field(), capitalised(violation.message()));
        }
        if (errors.isEmpty()) {
          throw e;
        }
      }
    }
    if (!errors.isEmpty()) {
      response.setStatus(400);
      model.addAttribute("next", SignInController.safeNext(next));
      return page(model, user, errors);
    }
    // The change signed out every session, this browser's too; it goes on with a new one.
    BrowserSession.set(
        request,
        response,
        accounts.startBrowserSession(accounts.user(user.id())),
        accounts.sessionLifetime());
    // On to the page the user was opening when sent here (only a page of the dashboard).
    String target = SignInController.safeNext(next);
    return "redirect:" + (target.equals("/ui") ? "/ui?passwordChanged" : target);
  }

  private static String page(Model model, UserAccount user, Map<String, String> errors) {
    boolean required = user.passwordChangeRequired();
    model.addAttribute("required", required);
    model.addAttribute("heading", required ? "Choose a new password" : "Change password");
    model.addAttribute("errors", errors);
    return "ui/password";
  }

  private static String capitalised(String message) {
    String sentence = message.endsWith(".") ? message : message + ".";
    return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
  }
}

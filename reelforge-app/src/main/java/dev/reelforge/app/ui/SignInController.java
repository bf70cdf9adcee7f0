package dev.reelforge.app.ui;

import dev.reelforge.app.security.Accounts;
import dev.reelforge.app.security.BrowserSession;
import dev.reelforge.app.security.SecuritySettings;
import dev.reelforge.app.web.DashboardPages;
import dev.reelforge.core.accounts.UserAccount;
import dev.reelforge.core.error.ReelForgeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard's sign-in and sign-out: a password form that sets the session cookie. */
@Controller
public class SignInController {

  private final Accounts accounts;
  private final boolean oidc;

  SignInController(Accounts accounts, SecuritySettings settings) {
    this.accounts = accounts;
    // The same condition that assembles OIDC sign-in (OidcConfiguration): without an issuer, the
    // button would lead to a 404.
    String issuer = settings.getOidc().getIssuer();
    this.oidc = issuer != null && !issuer.isBlank();
  }

  /** Whether the page offers single sign-on. */
  @ModelAttribute("oidc")
  boolean oidc() {
    return oidc;
  }

  @GetMapping("/")
  String root() {
    return "redirect:/ui";
  }

  @GetMapping(DashboardPages.SIGN_IN)
  String form(@RequestParam(name = "next", required = false) String next, Model model) {
    model.addAttribute("next", safeNext(next));
    return "ui/login";
  }

  @PostMapping(DashboardPages.SIGN_IN)
  String signIn(
      @RequestParam(name = "username", defaultValue = "") String username,
      @RequestParam(name = "password", defaultValue = "") String password,
      @RequestParam(name = "next", required = false) String next,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String target = safeNext(next);
    if (!BrowserSession.isSameOrigin(request)) {
      // A sign-in posted from another site would sign this browser in as someone else.
      response.setStatus(400);
      model.addAttribute("error", "Sign in from this site's own sign-in page.");
      model.addAttribute("next", target);
      return "ui/login";
    }
    UserAccount user;
    try {
      user = accounts.authenticate(username.strip(), password);
    } catch (ReelForgeException e) {
      response.setStatus(401);
      model.addAttribute("error", "Wrong username or password.");
      model.addAttribute("username", username);
      model.addAttribute("next", target);
      return "ui/login";
    }
    BrowserSession.set(
        request, response, accounts.startBrowserSession(user), accounts.sessionLifetime());
    return "redirect:" + target;
  }

  @PostMapping("/ui/logout")
  String signOut(HttpServletRequest request, HttpServletResponse response) {
    if (BrowserSession.isSameOrigin(request)) {
      BrowserSession.of(request).ifPresent(accounts::endBrowserSession);
      BrowserSession.clear(request, response);
    }
    return "redirect:" + DashboardPages.SIGN_IN;
  }

  /** Only a path of the dashboard itself: never another site (an open redirect). */
  static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/ui")
        || next.startsWith("//")
        || next.contains("\\")
        // A redirect expands {…} as URI template variables: a 500 instead of a page.
        || next.contains("{")
        || next.contains("}")
        || next.chars().anyMatch(c -> c < 0x20)) {
      return "/ui";
    }
    return next;
  }
}

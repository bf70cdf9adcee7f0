package dev.reelforge.app.publish.accounts;

import dev.reelforge.app.ui.Viewer;
import dev.reelforge.app.web.Caller;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.core.accounts.Permission;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.accounts.AccountConnections;
import dev.reelforge.core.publish.accounts.PlatformAccount;
import dev.reelforge.core.publish.accounts.PlatformOAuth;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The dashboard page of one's platform accounts: a connect button per platform (sending the browser
 * to the platform), the connected accounts with their state, and disconnect.
 */
@Controller
class PlatformAccountPagesController {

  private final AccountConnections connections;
  private final PlatformOAuth platformOAuth;
  private final PlatformAccountController api;

  PlatformAccountPagesController(
      AccountConnections connections, PlatformOAuth platformOAuth, PlatformAccountController api) {
    this.connections = connections;
    this.platformOAuth = platformOAuth;
    this.api = api;
  }

  @ModelAttribute("me")
  Viewer me() {
    return Caller.current().map(PlatformAccountPagesController::viewer).orElse(null);
  }

  @GetMapping(PlatformAccountController.PAGE)
  String page(
      @RequestParam(name = "connected", required = false) String connected,
      @RequestParam(name = "disconnected", required = false) String disconnected,
      @RequestParam(name = "error", required = false) String error,
      Model model) {
    List<PlatformAccount> accounts = connections.list(RequestOwner.current());
    model.addAttribute(
        "accounts", accounts.stream().map(PlatformAccountController::describe).toList());
    model.addAttribute(
        "choices",
        Arrays.stream(Platform.values())
            .filter(Platform::needsAccount)
            .map(p -> new PlatformChoice(p.key(), name(p), platformOAuth.configured(p)))
            .toList());
    model.addAttribute("connected", connected);
    model.addAttribute("disconnected", disconnected);
    model.addAttribute("failure", error);
    return "ui/platform-accounts";
  }

  @PostMapping(PlatformAccountController.PAGE + "/{platform}/connect")
  String connect(@PathVariable String platform) {
    return "redirect:" + api.start(platform).authorizationUrl();
  }

  @PostMapping(PlatformAccountController.PAGE + "/{id}/disconnect")
  String disconnect(@PathVariable String id) {
    AccountConnections.Disconnected gone = api.disconnect(id);
    return "redirect:"
        + PlatformAccountController.PAGE
        + "?disconnected="
        + gone.account().platform().key();
  }

  /** Errors as a page with the API's status, like the rest of the dashboard. */
  @ExceptionHandler(ReelForgeException.class)
  ModelAndView failed(ReelForgeException e, HttpServletResponse response) {
    response.setStatus(e.code().httpStatus());
    ModelAndView view = new ModelAndView("ui/error");
    view.addObject("status", e.code().httpStatus());
    view.addObject("message", e.getMessage());
    view.addObject("me", me());
    return view;
  }

  static String name(Platform platform) {
    return switch (platform) {
      case YOUTUBE -> "YouTube";
      case TIKTOK -> "TikTok";
      case INSTAGRAM -> "Instagram";
      case FACEBOOK -> "Facebook";
      case LOCAL -> "Local folder";
    };
  }

  private static Viewer viewer(Caller caller) {
    return new Viewer(
        caller.username(),
        caller.role().wireName(),
        caller.can(Permission.CREATE_WORK),
        caller.can(Permission.OPERATE_RUNS),
        caller.can(Permission.MANAGE_USERS));
  }
}

package dev.reelforge.app.ui;

import dev.reelforge.app.moderation.ModerationChoices;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One's own moderation preset and regions on the dashboard ({@code /ui/account/moderation}): what
 * one's runs get when they name none, and where it comes from.
 */
@Controller
public class ModerationPagesController {

  static final String PAGE = "/ui/account/moderation";

  private final ModerationChoices choices;

  ModerationPagesController(ModerationChoices choices) {
    this.choices = choices;
  }

  @GetMapping(PAGE)
  String form(@RequestParam(name = "saved", required = false) String saved, Model model) {
    model.addAttribute("saved", saved != null);
    return page(model, RequestOwner.current(), Map.of());
  }

  @PostMapping(PAGE)
  String save(
      @RequestParam(name = "action", defaultValue = "save") String action,
      @RequestParam(name = "preset", required = false) String preset,
      @RequestParam(name = "regions", required = false) List<String> regions,
      HttpServletResponse response,
      Model model) {
    UUID owner = RequestOwner.current();
    if (action.equals("reset")) {
      choices.clear(owner);
      return "redirect:" + PAGE + "?saved";
    }
    try {
      choices.set(owner, choices.checked(preset, regions));
      return "redirect:" + PAGE + "?saved";
    } catch (ReelForgeException e) {
      if (e.violations().isEmpty()) {
        throw e;
      }
      Map<String, String> errors = new LinkedHashMap<>();
      for (FieldViolation violation : e.violations()) {
        // The form has one list of boxes: a bad region is an error of the list.
        String field = violation.field().startsWith("regions") ? "regions" : violation.field();
        errors.putIfAbsent(field, violation.message());
      }
      response.setStatus(400);
      model.addAttribute("saved", false);
      return page(model, owner, errors);
    }
  }

  private String page(Model model, UUID owner, Map<String, String> errors) {
    model.addAttribute("choice", choices.describe(choices.forUser(owner)));
    model.addAttribute("errors", errors);
    return "ui/moderation";
  }
}

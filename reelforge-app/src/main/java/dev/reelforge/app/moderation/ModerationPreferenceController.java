package dev.reelforge.app.moderation;

import static dev.reelforge.app.web.ApiResponses.ok;

import dev.reelforge.app.security.Accounts;
import dev.reelforge.app.web.RequestOwner;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.moderation.ModerationChoice;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * One's own moderation preset and regions ({@code /api/me/moderation}), and an admin setting a
 * user's (e.g. kids mode for a children's channel account), audit-logged.
 */
@RestController
public class ModerationPreferenceController {

  private final ModerationChoices choices;
  private final Accounts accounts;

  public ModerationPreferenceController(ModerationChoices choices, Accounts accounts) {
    this.choices = choices;
    this.accounts = accounts;
  }

  @GetMapping("/api/me/moderation")
  Map<String, Object> mine() {
    return ok(choices.describe(choices.forUser(RequestOwner.current())));
  }

  @PutMapping("/api/me/moderation")
  Map<String, Object> setMine(@Valid @RequestBody ModerationPreferenceRequest body) {
    ModerationChoice choice = choices.checked(body.preset(), body.regions());
    return ok(choices.describe(choices.set(RequestOwner.current(), choice)));
  }

  @DeleteMapping("/api/me/moderation")
  Map<String, Object> clearMine() {
    return ok(choices.describe(choices.clear(RequestOwner.current())));
  }

  @PutMapping("/api/admin/users/{id}/moderation")
  Map<String, Object> setForUser(
      @PathVariable String id, @Valid @RequestBody ModerationPreferenceRequest body) {
    UUID user = accounts.user(Ids.parse(id, "User")).id();
    ModerationChoice choice = choices.checked(body.preset(), body.regions());
    Map<String, Object> data = choices.describe(choices.setByAdmin(user, choice));
    data.put("id", user.toString());
    return ok(data);
  }
}

package dev.reelforge.app.security;

import static dev.reelforge.app.web.ApiResponses.ok;

import dev.reelforge.core.id.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admin routes for a user's own quotas (seed 004 §8: per-user overrides). */
@RestController
public class QuotaController {

  private final Quotas quotas;

  public QuotaController(Quotas quotas) {
    this.quotas = quotas;
  }

  /** A quota an admin sets; zero means unlimited. */
  record SetQuota(@NotNull Integer daily, @NotNull Integer monthly) {}

  @GetMapping("/api/admin/users/{id}/quotas")
  Map<String, Object> list(@PathVariable String id) {
    return ok(quotas.of(Ids.parse(id, "User")));
  }

  @PutMapping("/api/admin/users/{id}/quotas/{kind}")
  Map<String, Object> set(
      @PathVariable String id, @PathVariable String kind, @Valid @RequestBody SetQuota body) {
    return ok(quotas.set(Ids.parse(id, "User"), kind, body.daily(), body.monthly()));
  }

  @DeleteMapping("/api/admin/users/{id}/quotas/{kind}")
  Map<String, Object> reset(@PathVariable String id, @PathVariable String kind) {
    return ok(quotas.reset(Ids.parse(id, "User"), kind));
  }
}

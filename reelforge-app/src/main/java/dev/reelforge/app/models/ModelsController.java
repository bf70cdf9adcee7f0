package dev.reelforge.app.models;

import static dev.reelforge.app.web.ApiResponses.ok;

import dev.reelforge.core.models.ModelRegistry;
import dev.reelforge.core.models.ModelStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The models of the process that answers, for operators: role, name, version, whether warm, how
 * long the warm-up took and why it failed. Each process keeps its own registry; in a cluster ask a
 * worker (or read its log lines), since API-only processes never warm models up.
 */
@RestController
class ModelsController {

  private final ModelRegistry registry;

  ModelsController(ModelRegistry registry) {
    this.registry = registry;
  }

  @GetMapping("/api/admin/models")
  Map<String, Object> models() {
    List<Map<String, Object>> models =
        registry.snapshot().stream().map(ModelsController::view).toList();
    return ok(Map.of("models", models));
  }

  static Map<String, Object> view(ModelStatus model) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("role", model.role());
    view.put("name", model.name());
    view.put("version", model.version());
    view.put("state", model.state().name().toLowerCase(Locale.ROOT));
    view.put("warmed", model.warmed());
    view.put("warmUpMillis", model.warmUpMillis());
    view.put("error", model.error().isEmpty() ? null : model.error());
    view.put("warmedAt", model.warmedAt().map(Object::toString).orElse(null));
    return view;
  }
}

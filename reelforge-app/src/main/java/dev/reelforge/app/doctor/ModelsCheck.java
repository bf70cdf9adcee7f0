package dev.reelforge.app.doctor;

import dev.reelforge.app.models.ModelsSettings;
import dev.reelforge.core.diagnostics.DiagnosticCheck;
import dev.reelforge.core.diagnostics.Finding;
import dev.reelforge.core.models.ModelRegistry;
import dev.reelforge.core.models.ModelStatus;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The registered models (transcribers, face detectors): each is warmed up here, as a worker would
 * when it starts, and reported with its version and warm-up time; one that fails is a warning,
 * since only the features that need it suffer.
 */
@Component
@Order(7)
class ModelsCheck implements DiagnosticCheck {

  private final ModelRegistry registry;
  private final ModelsSettings settings;

  ModelsCheck(ModelRegistry registry, ModelsSettings settings) {
    this.registry = registry;
    this.settings = settings;
  }

  @Override
  public List<Finding> check() {
    if (registry.isEmpty()) {
      return List.of(Finding.ok("models", "none registered in this build"));
    }
    List<Finding> findings = new ArrayList<>();
    for (ModelStatus model : registry.warmUpAll(settings.getWarmUpTimeout())) {
      String component = "model " + model.role() + " " + model.name();
      String summary = "version " + model.version() + ", warm-up " + model.warmUpMillis() + " ms";
      findings.add(
          model.warmed()
              ? Finding.ok(component, summary)
              : Finding.warn(
                  component,
                  summary + " failed: " + model.error(),
                  "check the model's files and settings; tasks that need it will fail"));
    }
    return findings;
  }
}

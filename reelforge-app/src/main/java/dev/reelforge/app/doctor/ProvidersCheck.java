package dev.reelforge.app.doctor;

import dev.reelforge.core.diagnostics.DiagnosticCheck;
import dev.reelforge.core.diagnostics.Finding;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.providers.ProviderChoice;
import dev.reelforge.core.providers.ProviderRegistry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Lists every provider role with the implementation in use (and the alternatives), so that an
 * operator sees at a glance whether a run will use the offline defaults or a cloud service.
 */
@Component
@Order(5)
class ProvidersCheck implements DiagnosticCheck {

  private final ProviderRegistry registry;

  ProvidersCheck(ProviderRegistry registry) {
    this.registry = registry;
  }

  @Override
  public List<Finding> check() {
    List<ProviderRegistry.Status> statuses;
    try {
      statuses = registry.statuses();
    } catch (ReelForgeException e) {
      String setting = e.violations().isEmpty() ? "" : e.violations().getFirst().field();
      return List.of(
          Finding.fail(
              "providers",
              e.violations().isEmpty() ? e.getMessage() : e.violations().getFirst().message(),
              "fix " + setting));
    }
    List<Finding> findings = new ArrayList<>();
    for (ProviderRegistry.Status status : statuses) {
      String name = "provider: " + status.port().label();
      if (status.active().isPresent()) {
        ProviderChoice<?> choice = status.active().get();
        findings.add(
            Finding.ok(
                name,
                choice.name()
                    + (choice.offline() ? " (offline) " : " (cloud) ")
                    + "— "
                    + choice.description()
                    + "; available: "
                    + String.join(", ", status.available())));
      } else {
        findings.add(
            Finding.warn(
                name,
                "no implementation is registered",
                "stories cannot use this role; check the reelforge.providers settings"));
      }
    }
    return findings;
  }
}

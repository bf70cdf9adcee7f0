package dev.reelforge.app.doctor;

import dev.reelforge.core.diagnostics.DiagnosticCheck;
import dev.reelforge.core.diagnostics.Finding;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Reports the AI and media providers this build carries. None are registered yet: the providers
 * module is empty until the provider ports and their offline defaults land.
 */
@Component
@Order(5)
class ProvidersCheck implements DiagnosticCheck {

  @Override
  public List<Finding> check() {
    return List.of(
        Finding.warn(
            "providers",
            "none registered in this build (script, voice, visuals, music, moderation)",
            "nothing to configure yet; this build cannot make videos"));
  }
}

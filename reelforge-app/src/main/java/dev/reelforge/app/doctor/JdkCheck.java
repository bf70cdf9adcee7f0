package dev.reelforge.app.doctor;

import dev.reelforge.core.diagnostics.DiagnosticCheck;
import dev.reelforge.core.diagnostics.Finding;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Reports the Java runtime ReelForge runs on. */
@Component
@Order(1)
class JdkCheck implements DiagnosticCheck {

  static final int REQUIRED_FEATURE_VERSION = 21;

  @Override
  public List<Finding> check() {
    Runtime.Version version = Runtime.version();
    String summary =
        version
            + " ("
            + System.getProperty("java.vendor")
            + ") at "
            + System.getProperty("java.home");
    if (version.feature() < REQUIRED_FEATURE_VERSION) {
      return List.of(
          Finding.fail(
              "JDK",
              summary,
              "install JDK " + REQUIRED_FEATURE_VERSION + "+ and point JAVA_HOME at it"));
    }
    return List.of(Finding.ok("JDK", summary));
  }
}

package dev.reelforge.app.doctor;

import dev.reelforge.core.diagnostics.DiagnosticCheck;
import dev.reelforge.core.diagnostics.Finding;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Runs every {@link DiagnosticCheck} and prints the report of {@code ./reelforge doctor}. */
@Component
public class Doctor {

  private final List<DiagnosticCheck> checks;

  public Doctor(List<DiagnosticCheck> checks) {
    this.checks = checks;
  }

  /** Prints the report; returns the exit code (1 when something required is broken). */
  public int run(PrintStream out) {
    List<Finding> findings = findings();
    int width = findings.stream().mapToInt(f -> f.component().length()).max().orElse(8);
    for (Finding finding : findings) {
      out.printf(
          "  %-5s %-" + width + "s  %s%n",
          label(finding.status()),
          finding.component(),
          finding.summary());
      if (!finding.fix().isEmpty()) {
        out.printf("        %-" + width + "s  fix: %s%n", "", finding.fix());
      }
    }
    long failures = findings.stream().filter(f -> f.status() == Finding.Status.FAIL).count();
    long warnings = findings.stream().filter(f -> f.status() == Finding.Status.WARN).count();
    if (failures > 0) {
      out.printf("%d required component(s) broken, %d warning(s).%n", failures, warnings);
      return 1;
    }
    out.printf("Everything required works (%d warning(s)).%n", warnings);
    return 0;
  }

  /** What every check finds now (the admin dashboard's provider status shows them). */
  public List<Finding> findings() {
    List<Finding> findings = new ArrayList<>();
    for (DiagnosticCheck check : checks) {
      findings.addAll(check.check());
    }
    return findings;
  }

  private static String label(Finding.Status status) {
    return switch (status) {
      case OK -> "ok";
      case WARN -> "warn";
      case FAIL -> "FAIL";
    };
  }
}

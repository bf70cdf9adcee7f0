package dev.reelforge.core.diagnostics;

import java.util.List;

/**
 * Something that can inspect one part of the installation and report on it for {@code ./reelforge
 * doctor}. A check never throws: whatever goes wrong becomes a {@link Finding} with a fix.
 */
public interface DiagnosticCheck {

  /** Inspects the component now; may take a few seconds (starting a database, probing a tool). */
  List<Finding> check();
}

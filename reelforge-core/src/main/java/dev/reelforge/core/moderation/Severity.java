package dev.reelforge.core.moderation;

/** How serious a flag is. {@code HIGH} blocks; lower severities are for a reviewer to weigh. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH
}

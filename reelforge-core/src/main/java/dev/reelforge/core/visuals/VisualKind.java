package dev.reelforge.core.visuals;

/** A still picture or a moving clip. */
public enum VisualKind {
  IMAGE,
  VIDEO
}

package dev.reelforge.core.script;

/** Where a beat sits in the story. */
public enum BeatRole {
  /** The first line, written to stop the scroll. */
  HOOK,
  BODY,
  /** The last line: a conclusion or call to action. */
  CLOSING
}

package dev.reelforge.core.script;

/** How a script was made, shown to the user so that nobody mistakes a template for writing. */
public enum ScriptOrigin {
  /** Sentences chosen from the input text, unchanged. */
  EXTRACTIVE,
  /**
   * A fixed structure filled with the idea's words: a starting point to edit, not a finished text.
   */
  TEMPLATE,
  /** The user's own lines. */
  MANUAL,
  /** Written by a language model. */
  GENERATED
}

package dev.reelforge.app.cli;

import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.ingest.Prose;
import dev.reelforge.core.ingest.TextIngest;
import dev.reelforge.core.script.InputKind;
import dev.reelforge.core.script.ScriptRequest;
import dev.reelforge.core.script.ScriptRules;
import dev.reelforge.core.script.StoryLimits;
import dev.reelforge.providers.ingest.GuardedFetcher;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The checks the story pipeline makes of its input, made by {@code make} before it writes anything:
 * an input the pipeline would refuse is a usage error with one line that names the option, not a
 * run that starts, writes a work folder and fails in its first stage.
 */
final class MakeInputCheck {

  private MakeInputCheck() {}

  /**
   * The text of the file an option names.
   *
   * @throws IllegalArgumentException {@code "--text FILE: why"} when it cannot be read or is empty
   */
  static String file(String option, String name) {
    Path file = Path.of(name);
    String where = option + " " + name + ": ";
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(where + "is a folder, not a file");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(where + "no such file");
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException(where + "not allowed to read it");
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(where + "is not UTF-8 text");
    } catch (IOException e) {
      throw new IllegalArgumentException(where + "cannot be read (" + e.getMessage() + ")");
    }
    if (text.isEmpty()) {
      throw new IllegalArgumentException(where + "the file is empty");
    }
    if (text.isBlank()) {
      throw new IllegalArgumentException(where + "the file holds only blank space");
    }
    return text;
  }

  /**
   * The same checks as the script stage: something left to narrate once code and tables are left
   * out and the length limits; for a script of one's own (used as written) the limits on beats.
   *
   * @param what how the message names the input ({@code --text notes.md})
   * @throws IllegalArgumentException {@code "what: why"}
   */
  static void text(String what, String text, InputKind kind) {
    if (text.isBlank()) {
      throw new IllegalArgumentException(what + " needs some words");
    }
    try {
      if (kind == InputKind.MANUAL) {
        ScriptRules.splitManual(text);
        return;
      }
      Prose prose = TextIngest.forScript(text, "input");
      InputKind fitted =
          kind != InputKind.ARTICLE && prose.text().length() > StoryLimits.MAX_INPUT_CHARS
              ? InputKind.ARTICLE
              : kind;
      ScriptRequest.of(prose.text(), fitted);
    } catch (ReelForgeException e) {
      throw new IllegalArgumentException(what + ": " + reason(e), e);
    }
  }

  /**
   * The checks of the ingest stage that need no fetch: http or https, no credentials, a host that
   * exists and resolves to public addresses only.
   *
   * @throws IllegalArgumentException {@code "--url LINK: why"}
   */
  static void link(String url) {
    try {
      GuardedFetcher.forUsers().check(url);
    } catch (ReelForgeException e) {
      throw new IllegalArgumentException("--url " + url + ": " + reason(e), e);
    }
  }

  /** Every violation, in one line: a script may break several limits at once. */
  private static String reason(ReelForgeException e) {
    return e.violations().isEmpty()
        ? e.getMessage()
        : String.join("; ", e.violations().stream().map(FieldViolation::message).toList());
  }
}

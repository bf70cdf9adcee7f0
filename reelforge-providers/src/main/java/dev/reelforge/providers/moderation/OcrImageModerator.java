package dev.reelforge.providers.moderation;

import dev.reelforge.core.moderation.ImageModerator;
import dev.reelforge.core.moderation.ModerationFlag;
import dev.reelforge.core.moderation.ModerationResult;
import dev.reelforge.core.moderation.Moderator;
import dev.reelforge.providers.tools.LocalTool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The offline image check, and all that can honestly be checked offline: the words in a picture,
 * read by {@code tesseract} when it is installed, judged by the text rules. What a picture shows
 * (nudity, violence, gestures) is not judged — no vision model ships offline — and every verdict
 * says so in {@link ModerationResult#unchecked()}, as it says when tesseract is missing or fails.
 */
public final class OcrImageModerator implements ImageModerator {

  public static final String NAME = "ocr-rules";

  static final String TESSERACT = "tesseract";
  static final String INSTALL_HINT = "apt-get install tesseract-ocr";
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Said of every picture: the pixels themselves are not judged offline. */
  public static final String PIXELS_NOT_JUDGED =
      "what pictures show (nudity, violence) not judged offline: no vision model";

  /** Said of every picture when tesseract is missing. */
  public static final String NO_TESSERACT =
      "text in pictures not checked: tesseract not installed (" + INSTALL_HINT + ")";

  private final LocalTool tesseract;
  private final Moderator text;

  public OcrImageModerator() {
    this(LocalTool.onPath(TESSERACT), new RuleBasedModerator());
  }

  OcrImageModerator(LocalTool tesseract, Moderator text) {
    this.tesseract = tesseract;
    this.text = text;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Whether words in pictures are read (tesseract is installed). */
  public boolean readsText() {
    return tesseract.installed();
  }

  @Override
  public ModerationResult moderate(Path picture) {
    List<String> unchecked = new ArrayList<>();
    unchecked.add(PIXELS_NOT_JUDGED);
    if (!tesseract.installed()) {
      unchecked.add(NO_TESSERACT);
      return new ModerationResult(List.of(), NAME, unchecked);
    }
    String words;
    try {
      // Sparse-text mode: captions, signs and lettering scattered over a picture.
      words =
          tesseract.run(
              List.of(picture.toString(), "stdout", "--psm", "11", "-l", "eng"),
              Optional.empty(),
              TIMEOUT);
    } catch (LocalTool.ToolFailure e) {
      unchecked.add("text in " + picture.getFileName() + " not read: " + e.getMessage());
      return new ModerationResult(List.of(), NAME, unchecked);
    }
    String found = words.replaceAll("\\s+", " ").strip();
    List<ModerationFlag> flags = new ArrayList<>();
    for (ModerationFlag flag : text.moderate(found).flags()) {
      flags.add(
          new ModerationFlag(
              flag.category(),
              flag.severity(),
              flag.start(),
              flag.end(),
              "text in the picture: " + flag.reason()));
    }
    return new ModerationResult(flags, NAME + "/" + text.name(), unchecked);
  }
}

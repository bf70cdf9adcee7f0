package dev.reelforge.core.transcript;

import java.util.regex.Pattern;

/**
 * A cue's payload as plain words: SRT's HTML-ish tags ({@code <i>}, {@code <b>}, {@code <font
 * color=…>}) and ASS overrides ({@code {\an8}}), WebVTT's voice, class, language, ruby and
 * timestamp tags ({@code <v Anna>}, {@code <c.loud>}, {@code <00:00:01.500>}) removed, the
 * character references WebVTT defines decoded, white space collapsed.
 */
final class CueText {

  private static final Pattern TAG = Pattern.compile("<[^<>]*>");
  private static final Pattern ASS_OVERRIDE = Pattern.compile("\\{\\\\[^{}]*}");
  private static final Pattern RUBY_TEXT = Pattern.compile("<rt>.*?</rt>", Pattern.DOTALL);
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private CueText() {}

  static String plain(String payload) {
    // Ruby annotations are a reading aid, not spoken words: drop them with their tags.
    String text = RUBY_TEXT.matcher(payload).replaceAll("");
    text = TAG.matcher(text).replaceAll("");
    text = ASS_OVERRIDE.matcher(text).replaceAll("");
    text =
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&nbsp;", " ")
            .replace("&lrm;", "")
            .replace("&rlm;", "")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&");
    return SPACE.matcher(text).replaceAll(" ").strip();
  }
}

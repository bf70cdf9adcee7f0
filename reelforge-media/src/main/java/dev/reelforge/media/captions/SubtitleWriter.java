package dev.reelforge.media.captions;

import dev.reelforge.core.timeline.CaptionWord;
import java.util.List;

/**
 * Writes the caption pages as SubRip (SRT) and WebVTT sidecars, from the same word timings the
 * burned-in captions use. The WebVTT cues carry a timestamp before each word after the first, so
 * players that support it can highlight words as the video does.
 */
public final class SubtitleWriter {

  private SubtitleWriter() {}

  public static String srt(List<CaptionPage> pages, List<CaptionWord> words) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pages.size(); i++) {
      CaptionPage page = pages.get(i);
      out.append(i + 1)
          .append('\n')
          .append(time(page.startMillis(), ','))
          .append(" --> ")
          .append(time(page.endMillis(), ','))
          .append('\n');
      for (CaptionLine line : page.lines()) {
        out.append(plain(line, words)).append('\n');
      }
      out.append('\n');
    }
    return out.toString();
  }

  public static String vtt(List<CaptionPage> pages, List<CaptionWord> words) {
    StringBuilder out = new StringBuilder("WEBVTT\n\n");
    for (CaptionPage page : pages) {
      out.append(time(page.startMillis(), '.'))
          .append(" --> ")
          .append(time(page.endMillis(), '.'))
          .append('\n');
      for (CaptionLine line : page.lines()) {
        out.append(karaoke(line, words, page.startMillis())).append('\n');
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String plain(CaptionLine line, List<CaptionWord> words) {
    return CaptionLine.of(spoken(line, words), line.wordIndexes(), false).text();
  }

  private static String karaoke(CaptionLine line, List<CaptionWord> words, long pageStart) {
    CaptionLine plain = CaptionLine.of(spoken(line, words), line.wordIndexes(), false);
    StringBuilder out = new StringBuilder();
    for (int w = 0; w < plain.size(); w++) {
      long start = words.get(plain.wordIndexes().get(w)).startMillis();
      int from = w == 0 ? 0 : plain.wordEnds().get(w - 1);
      String separatorAndWord = escape(plain.text().substring(from, plain.wordEnds().get(w)));
      if (start > pageStart) {
        // WebVTT cue timestamps must lie strictly inside the cue.
        String sep = separatorAndWord.startsWith(" ") ? " " : "";
        out.append(sep)
            .append('<')
            .append(time(start, '.'))
            .append('>')
            .append(separatorAndWord.substring(sep.length()));
      } else {
        out.append(separatorAndWord);
      }
    }
    return out.toString();
  }

  private static List<String> spoken(CaptionLine line, List<CaptionWord> words) {
    return line.wordIndexes().stream().map(i -> words.get(i).text()).toList();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String time(long millis, char decimal) {
    long h = millis / 3_600_000;
    long m = millis / 60_000 % 60;
    long s = millis / 1000 % 60;
    long ms = millis % 1000;
    return String.format("%02d:%02d:%02d%c%03d", h, m, s, decimal, ms);
  }
}

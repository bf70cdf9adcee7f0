package dev.reelforge.core.transcript;

import dev.reelforge.core.error.ReelForgeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transcript the user provides instead of one heard by a transcriber: SRT or WebVTT text, told
 * apart by WebVTT's {@code WEBVTT} first line, read strictly. A byte order mark and CR LF or CR
 * line ends are accepted; tags are removed ({@link CueText}). Every refusal is an {@code
 * INVALID_INPUT} error on the field {@value #FIELD} that names the line to fix: a malformed
 * timestamp, a cue that ends before it starts, cues out of time order or overlapping, an empty
 * file, one past {@value #MAX_CHARS} characters or {@value #MAX_CUES} cues.
 */
public final class Subtitles {

  /** The field every refusal names. */
  public static final String FIELD = "transcript";

  /** About 60 hours of dense subtitles; a longer text is not a subtitle file. */
  public static final int MAX_CHARS = 5_000_000;

  /** Enough for a very long source (a cue every 2 s for 16 hours). */
  public static final int MAX_CUES = 30_000;

  /** The two formats, with the engine name a transcript made from each reports. */
  public enum Format {
    SRT("provided-srt", ','),
    VTT("provided-vtt", '.');

    private final String engine;
    private final char decimalMark;

    Format(String engine, char decimalMark) {
      this.engine = engine;
      this.decimalMark = decimalMark;
    }

    /** {@code provided-srt} or {@code provided-vtt}. */
    public String engine() {
      return engine;
    }
  }

  /** What a file held: its format and its cues in time order. */
  public record Parsed(Format format, List<SubtitleCue> cues) {
    public Parsed {
      Objects.requireNonNull(format, "format");
      cues = List.copyOf(cues);
    }

    /** The cues as a transcript with estimated word times. */
    public Transcript toTranscript(String language) {
      return Subtitles.toTranscript(cues, language, format.engine());
    }
  }

  private static final Pattern VTT_SIGNATURE = Pattern.compile("WEBVTT([ \\t].*)?");
  private static final Pattern CUE_NUMBER = Pattern.compile("\\d+");
  private static final Pattern TIMING = Pattern.compile("(\\S+)[ \\t]*-->[ \\t]*(\\S+)([ \\t].*)?");
  private static final Pattern VTT_SKIPPED_BLOCK =
      Pattern.compile("(NOTE|STYLE|REGION)([ \\t].*)?");

  private Subtitles() {}

  /**
   * Reads SRT or WebVTT text.
   *
   * @throws ReelForgeException {@code INVALID_INPUT} on {@value #FIELD}, naming the line at fault
   */
  public static Parsed parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_CHARS) {
      throw refuse(
          "the file has " + text.length() + " characters; at most " + MAX_CHARS + " are read");
    }
    String clean = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (clean.isBlank()) {
      throw refuse("the file is empty");
    }
    List<String> lines = clean.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
    return VTT_SIGNATURE.matcher(lines.getFirst()).matches()
        ? new Parsed(Format.VTT, new Reader(Format.VTT, lines).cues())
        : new Parsed(Format.SRT, new Reader(Format.SRT, lines).cues());
  }

  /**
   * A transcript whose words share each cue's time in proportion to their length, since a cue times
   * a line, not its words: a word of eight letters is given twice the time of one of four. Tokens
   * without a letter or digit (a dialogue dash, ♪) are not words and are left out.
   *
   * @param engine reported as the transcript's source, e.g. {@code provided-srt}
   */
  public static Transcript toTranscript(List<SubtitleCue> cues, String language, String engine) {
    List<TranscriptWord> words = new ArrayList<>();
    for (SubtitleCue cue : cues) {
      List<String> tokens = new ArrayList<>();
      for (String token : cue.text().split("\\s+")) {
        if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
          tokens.add(token);
        }
      }
      long total = tokens.stream().mapToLong(t -> t.codePointCount(0, t.length())).sum();
      long span = cue.endMillis() - cue.startMillis();
      long before = 0;
      for (String token : tokens) {
        long after = before + token.codePointCount(0, token.length());
        words.add(
            new TranscriptWord(
                token,
                cue.startMillis() + span * before / total,
                cue.startMillis() + span * after / total,
                1.0));
        before = after;
      }
    }
    return new Transcript(words, language, new TranscriptSource(engine, "", true));
  }

  static ReelForgeException refuse(String message) {
    return ReelForgeException.invalidField(FIELD, message);
  }

  /** Walks the lines block by block (blocks are separated by blank lines). */
  private static final class Reader {
    private final Format format;
    private final List<String> lines;
    private final List<SubtitleCue> cues = new ArrayList<>();
    private int line; // 0-based index of the next line to read

    Reader(Format format, List<String> lines) {
      this.format = format;
      this.lines = lines;
    }

    List<SubtitleCue> cues() {
      if (format == Format.VTT) {
        skipBlock(); // the WEBVTT line and any header lines after it
      }
      while (skipBlankLines()) {
        readBlock();
      }
      if (cues.isEmpty()) {
        throw refuse("the file has no cues");
      }
      return cues;
    }

    private void readBlock() {
      String first = lines.get(line);
      if (format == Format.VTT && VTT_SKIPPED_BLOCK.matcher(first).matches()) {
        skipBlock();
        return;
      }
      if (!first.contains("-->")) {
        if (format == Format.SRT && !CUE_NUMBER.matcher(first.strip()).matches()) {
          throw at(line, "expected a cue number or a timing line, found '" + shorten(first) + "'");
        }
        line++; // an SRT cue number or a WebVTT cue identifier
        if (line >= lines.size() || !lines.get(line).contains("-->")) {
          throw at(
              Math.min(line, lines.size() - 1),
              "expected a timing line 'start --> end' after '" + shorten(first) + "'");
        }
      }
      int timingLine = line;
      Matcher timing = TIMING.matcher(lines.get(line).strip());
      if (!timing.matches()) {
        throw at(line, "malformed timing line '" + shorten(lines.get(line)) + "'");
      }
      long start = time(timing.group(1), "start");
      long end = time(timing.group(2), "end");
      if (end <= start) {
        throw at(
            timingLine,
            "end "
                + timing.group(2)
                + (end == start ? " is the same as" : " is before")
                + " start "
                + timing.group(1));
      }
      if (!cues.isEmpty() && start < cues.getLast().endMillis()) {
        SubtitleCue previous = cues.getLast();
        throw at(
            timingLine,
            "cue "
                + (cues.size() + 1)
                + " starts at "
                + timing.group(1)
                + ", before cue "
                + previous.index()
                + " ends at "
                + CueTimes.format(previous.endMillis(), format.decimalMark)
                + " (cues must be in time order and must not overlap)");
      }
      line++;
      StringBuilder payload = new StringBuilder();
      while (line < lines.size() && !lines.get(line).isBlank()) {
        if (lines.get(line).contains("-->")) {
          throw at(line, "a timing line inside a cue's text; is a blank line missing before it?");
        }
        payload.append(lines.get(line)).append('\n');
        line++;
      }
      if (cues.size() == MAX_CUES) {
        throw at(timingLine, "more than " + MAX_CUES + " cues");
      }
      cues.add(new SubtitleCue(cues.size() + 1, start, end, CueText.plain(payload.toString())));
    }

    private long time(String text, String which) {
      long millis = format == Format.SRT ? CueTimes.srt(text) : CueTimes.vtt(text);
      if (millis < 0) {
        throw at(
            line,
            "bad "
                + which
                + " time '"
                + shorten(text)
                + "' (expected "
                + (format == Format.SRT ? "HH:MM:SS,mmm" : "HH:MM:SS.mmm or MM:SS.mmm")
                + ")");
      }
      return millis;
    }

    /** Moves to the next non-blank line; false at the end. */
    private boolean skipBlankLines() {
      while (line < lines.size() && lines.get(line).isBlank()) {
        line++;
      }
      return line < lines.size();
    }

    private void skipBlock() {
      while (line < lines.size() && !lines.get(line).isBlank()) {
        line++;
      }
    }

    private ReelForgeException at(int index, String message) {
      return refuse("line " + (index + 1) + ": " + message);
    }

    private static String shorten(String text) {
      String stripped = text.strip();
      return stripped.length() <= 60 ? stripped : stripped.substring(0, 60) + "…";
    }
  }
}

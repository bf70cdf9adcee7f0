package dev.reelforge.app.ui;

import dev.reelforge.core.clips.ClipCandidate;
import dev.reelforge.core.clips.ClipCandidate.CandidateState;
import dev.reelforge.core.clips.ClipSource;
import dev.reelforge.core.clips.ClipSource.SourceStatus;
import dev.reelforge.core.clips.ReframeOverride;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the clips pages show of a source and its candidates, in words and page coordinates: the
 * timeline's spans are fractions of a 1000-unit SVG, since the content policy allows no inline
 * styles to position them.
 */
final class ClipCards {

  /** The timeline's width in SVG units. */
  static final int TIMELINE = 1000;

  private static final Map<SourceStatus, String> SOURCES = new EnumMap<>(SourceStatus.class);
  private static final Map<CandidateState, String> CANDIDATES = new EnumMap<>(CandidateState.class);

  static {
    SOURCES.put(SourceStatus.UPLOADED, "Not analysed yet");
    SOURCES.put(SourceStatus.ANALYSING, "Finding highlights");
    SOURCES.put(SourceStatus.ANALYSED, "Highlights ready");
    SOURCES.put(SourceStatus.FAILED, "Analysis failed");
    CANDIDATES.put(CandidateState.PROPOSED, "Proposed");
    CANDIDATES.put(CandidateState.KEPT, "Kept");
    CANDIDATES.put(CandidateState.DISCARDED, "Discarded");
  }

  private ClipCards() {}

  static String words(SourceStatus status) {
    return SOURCES.get(status);
  }

  static String words(CandidateState status) {
    return CANDIDATES.get(status);
  }

  /** A source in the list. */
  record SourceRow(
      String id,
      String name,
      String length,
      String size,
      String status,
      String statusWords,
      String created) {

    static SourceRow of(ClipSource s) {
      return new SourceRow(
          s.id().toString(),
          s.name(),
          clock(s.probe().durationMillis()),
          Pages.megabytes(s.sizeBytes()),
          wire(s.status()),
          words(s.status()),
          Pages.when(s.createdAt()));
    }
  }

  /** A candidate's card, its place on the timeline and its preview. */
  record CandidateCard(
      String id,
      int rank,
      String title,
      String score,
      List<String> reasons,
      String state,
      String stateWords,
      boolean kept,
      boolean discarded,
      String from,
      String to,
      String length,
      String startSeconds,
      String endSeconds,
      String framing,
      String centerX,
      String preview,
      int x,
      int width) {

    static CandidateCard of(ClipCandidate c, ClipSource source, String videoLink) {
      long total = Math.max(1, source.probe().durationMillis());
      int x = (int) Math.round(c.startMillis() * (double) TIMELINE / total);
      int width = Math.max(2, (int) Math.round(c.durationMillis() * (double) TIMELINE / total));
      Optional<ReframeOverride> reframe = c.reframe();
      String framing = reframe.isEmpty() ? "auto" : reframe.get().blurredFit() ? "fit" : "crop";
      double centre = reframe.flatMap(r -> boxed(r.centerX())).orElse(0.5);
      // A media fragment plays only the candidate's span of the source.
      String preview =
          videoLink == null
              ? ""
              : videoLink + "#t=" + seconds(c.startMillis()) + "," + seconds(c.endMillis());
      return new CandidateCard(
          c.id().toString(),
          c.rank(),
          c.title(),
          String.format(Locale.ROOT, "%.2f", c.score()),
          c.reasons(),
          wire(c.state()),
          words(c.state()),
          c.state() == CandidateState.KEPT,
          c.state() == CandidateState.DISCARDED,
          clock(c.startMillis()),
          clock(c.endMillis()),
          Pages.seconds(c.durationMillis()),
          seconds(c.startMillis()),
          seconds(c.endMillis()),
          framing,
          String.format(Locale.ROOT, "%.2f", centre),
          preview,
          Math.min(x, TIMELINE - width),
          width);
    }
  }

  /** The source's probe and transcript, in words. */
  static List<String[]> facts(ClipSource s) {
    var p = s.probe();
    String transcript =
        s.transcript()
            .map(
                t ->
                    t.engine()
                        + (t.version().isBlank() ? "" : " " + t.version())
                        + (t.wordTimesEstimated() ? " (word times estimated from the cues)" : ""))
            .orElse(
                s.subtitleKey().isPresent()
                    ? "your transcript file, read when analysed"
                    : "made by speech recognition when analysed");
    return List.of(
        new String[] {"Length", clock(p.durationMillis())},
        new String[] {"Picture", p.width() + "×" + p.height() + " at " + fps(p.fps()) + " fps"},
        new String[] {"Video", p.videoCodec() + " in " + p.container()},
        new String[] {"Sound", p.hasAudio() ? p.audioCodec() : "none"},
        new String[] {"Size", Pages.megabytes(s.sizeBytes())},
        new String[] {"Transcript", transcript});
  }

  /** {@code 1:02:03.4} or {@code 2:03.4}. */
  static String clock(long millis) {
    long tenths = millis / 100;
    long h = tenths / 36_000;
    long m = (tenths / 600) % 60;
    double s = (tenths % 600) / 10.0;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%04.1f", h, m, s)
        : String.format(Locale.ROOT, "%d:%04.1f", m, s);
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
  }

  private static String fps(double fps) {
    return fps == Math.rint(fps)
        ? String.valueOf((long) fps)
        : String.format(Locale.ROOT, "%.2f", fps);
  }

  private static Optional<Double> boxed(java.util.OptionalDouble value) {
    return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
  }

  private static String wire(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}

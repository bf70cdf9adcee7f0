package dev.reelforge.story.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reelforge.core.ingest.Article;
import dev.reelforge.core.visuals.VisualCandidate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One story session as stored (seed 000's {@code story.json}). Null fields have not been made yet:
 * {@code story} before generate or manual, {@code shots} before plan, {@code captions} before the
 * narration was timed, {@code finalVideo} before the first successful finalize.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StorySession(
    String id,
    SessionStatus status,
    Input input,
    String styleKey,
    Settings settings,
    Story story,
    List<Shot> shots,
    Captions captions,
    TimelineSummary timeline,
    Run run,
    FinalVideo finalVideo,
    List<Output> outputs,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * What the user started from: {@code type} is {@code idea}, {@code paragraph}, {@code link} or
   * {@code manual}.
   */
  public record Input(String text, String type) {}

  /** How finalize renders. */
  public record Settings(
      List<String> formats, String voice, String captionStyle, String music, String quality) {}

  /** The script: one sentence per beat, and what the writer said about it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Story(
      List<String> sentences,
      String title,
      String description,
      List<String> hashtags,
      String origin,
      String writer,
      String notice,
      Article article) {

    public Story withSentences(List<String> replaced) {
      return new Story(
          List.copyOf(replaced), title, description, hashtags, origin, writer, notice, article);
    }
  }

  /**
   * A beat's shot: what to search for, about how long it lasts, the results of the last search
   * (page {@code page}) and the chosen visual.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Shot(
      int sentenceIndex,
      String searchQuery,
      String visualDescription,
      double durationSec,
      List<VisualCandidate> candidates,
      int page,
      boolean hasMore,
      VisualCandidate selectedClip) {

    public Shot at(int index) {
      return new Shot(
          index,
          searchQuery,
          visualDescription,
          durationSec,
          candidates,
          page,
          hasMore,
          selectedClip);
    }

    public Shot withResults(
        List<VisualCandidate> found, int resultPage, boolean more, VisualCandidate chosen) {
      return new Shot(
          sentenceIndex,
          searchQuery,
          visualDescription,
          durationSec,
          found,
          resultPage,
          more,
          chosen);
    }

    public Shot withQuery(String query) {
      return new Shot(
          sentenceIndex,
          query,
          visualDescription,
          durationSec,
          candidates,
          page,
          hasMore,
          selectedClip);
    }
  }

  /** Every spoken word's time in the narration, and the narration's length. */
  public record Captions(List<Word> words, long durationMs, String engine) {}

  public record Word(String text, long startMs, long endMs, int sentenceIndex) {}

  /** Where each beat sits in the video. */
  public record TimelineSummary(List<Segment> segments, long durationMs) {}

  public record Segment(int sentenceIndex, long startMs, long endMs, String visual) {}

  /**
   * The run finalize started last, and where to follow it. Its live status is the run's own ({@code
   * statusUrl}); the session's {@code status} says what the run's end meant for it.
   */
  public record Run(String id, String statusUrl) {}

  /** The first format's video, where the seed's clients look for it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FinalVideo(
      String url,
      double durationSec,
      String thumbUrl,
      String srtUrl,
      String vttUrl,
      String format,
      String runId) {}

  /** One rendered format. */
  public record Output(
      String format,
      int width,
      int height,
      String url,
      String thumbUrl,
      String srtUrl,
      String vttUrl,
      double durationSec,
      long bytes) {}

  static StorySession started(
      String id, Input input, String styleKey, Settings settings, Instant now) {
    return new StorySession(
        id,
        SessionStatus.DRAFT,
        input,
        styleKey,
        settings,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        now,
        now);
  }

  public int beatCount() {
    return story == null ? 0 : story.sentences().size();
  }

  public StorySession withStory(Story replaced, List<Shot> replacedShots, SessionStatus newStatus) {
    return new StorySession(
        id,
        status.moveTo(status.edited(newStatus)),
        input,
        styleKey,
        settings,
        replaced,
        replacedShots,
        null,
        null,
        run,
        finalVideo,
        outputs,
        createdAt,
        updatedAt);
  }

  public StorySession withShots(List<Shot> replaced, SessionStatus newStatus) {
    return new StorySession(
        id,
        status.moveTo(status.edited(newStatus)),
        input,
        styleKey,
        settings,
        story,
        replaced,
        captions,
        timeline,
        run,
        finalVideo,
        outputs,
        createdAt,
        updatedAt);
  }

  public StorySession withNarration(Captions timed, TimelineSummary placed) {
    return new StorySession(
        id,
        status,
        input,
        styleKey,
        settings,
        story,
        shots,
        timed,
        placed,
        run,
        finalVideo,
        outputs,
        createdAt,
        updatedAt);
  }

  public StorySession withRun(Run started, SessionStatus newStatus) {
    return new StorySession(
        id,
        status.moveTo(newStatus),
        input,
        styleKey,
        settings,
        story,
        shots,
        captions,
        timeline,
        started,
        finalVideo,
        outputs,
        createdAt,
        updatedAt);
  }

  public StorySession withResult(FinalVideo video, List<Output> rendered, Run finished) {
    return new StorySession(
        id,
        status.moveTo(SessionStatus.RENDERED),
        input,
        styleKey,
        settings,
        story,
        shots,
        captions,
        timeline,
        finished,
        video,
        rendered,
        createdAt,
        updatedAt);
  }

  public StorySession withSettings(Settings replaced) {
    return new StorySession(
        id,
        status,
        input,
        styleKey,
        replaced,
        story,
        shots,
        captions,
        timeline,
        run,
        finalVideo,
        outputs,
        createdAt,
        updatedAt);
  }

  public StorySession touched(Instant now) {
    return new StorySession(
        id,
        status,
        input,
        styleKey,
        settings,
        story,
        shots,
        captions,
        timeline,
        run,
        finalVideo,
        outputs,
        createdAt,
        now);
  }

  /** The shots list, one per sentence, as a mutable copy. */
  public List<Shot> shotsCopy() {
    return shots == null ? new ArrayList<>() : new ArrayList<>(shots);
  }
}

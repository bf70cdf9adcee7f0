package dev.reelforge.story;

import dev.reelforge.core.ingest.Article;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.moderation.gate.GateFinding;
import dev.reelforge.core.music.Mood;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.script.ScriptOrigin;
import dev.reelforge.core.speech.WordTiming;
import dev.reelforge.core.visuals.Orientation;
import dev.reelforge.core.visuals.VisualCandidate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What each stage of the story pipeline hands on: one record per stage, written and read only
 * through {@link StoryJson}. The job engine keeps these as the tasks' outputs, so a retried or
 * resumed run starts from them; files they name live in the story's folder.
 */
public final class StoryOutputs {

  private StoryOutputs() {}

  /** {@code ingest}: the article a link points to, or none for any other input. */
  public record IngestOutput(Article article) {
    public Optional<Article> found() {
      return Optional.ofNullable(article);
    }
  }

  /**
   * A beat's planned shot: what to search for, about how long, the user's choice if any, and the
   * beat's line (composed pictures take their key phrase and other words from it; empty in
   * storyboards written before it was kept).
   */
  public record PlannedShot(
      List<String> keywords, long millis, VisualCandidate chosen, String text) {
    public PlannedShot {
      text = text == null ? "" : text;
    }
  }

  /** {@code storyboard}: every beat's shot, and the frame orientation visuals are searched for. */
  public record Storyboard(List<PlannedShot> shots, Orientation orientation) {}

  /** A beat's chosen visual: the file (relative to the work folder) and where it came from. */
  public record Pick(int beat, String file, VisualCandidate candidate) {}

  /** {@code visuals}: one pick per beat. */
  public record Visuals(List<Pick> picks) {

    /** These picks with the moderation gate's replacements put in their beats' places. */
    public Visuals replacedBy(List<Pick> replacements) {
      if (replacements == null || replacements.isEmpty()) {
        return this;
      }
      List<Pick> merged = new java.util.ArrayList<>(picks);
      for (Pick replacement : replacements) {
        merged.set(replacement.beat(), replacement);
      }
      return new Visuals(merged);
    }
  }

  /**
   * {@code moderation}: the gate's verdict — also the proposal a reviewer sees while the run waits,
   * and, once approved, the stage's output.
   *
   * @param policy the policy's name, e.g. {@code kids+de}
   * @param findings what held the run (empty when it passed)
   * @param noted flags below the policy's thresholds
   * @param unchecked what could not be checked, in words
   * @param moderators which implementations judged
   * @param replacements pictures regenerated for flagged beats (after a reviewer's reject); the
   *     later stages show these instead of the visuals stage's picks
   * @param reviewed whether a person was asked (the run waited for review)
   */
  public record ModerationOutput(
      String policy,
      List<GateFinding> findings,
      List<GateFinding> noted,
      List<String> unchecked,
      List<String> moderators,
      List<Pick> replacements,
      boolean reviewed) {
    public ModerationOutput {
      findings = findings == null ? List.of() : List.copyOf(findings);
      noted = noted == null ? List.of() : List.copyOf(noted);
      unchecked = unchecked == null ? List.of() : List.copyOf(unchecked);
      moderators = moderators == null ? List.of() : List.copyOf(moderators);
      replacements = replacements == null ? List.of() : List.copyOf(replacements);
    }
  }

  /** The narration ({@code voice.wav} in the work folder). */
  public record Voice(
      List<WordTiming> words, long durationMillis, String spokenText, String engine) {}

  /**
   * {@code voice}: the narration, how many spoken words each beat has, and how many beats had to be
   * synthesised (the others came from the per-beat cache).
   */
  public record VoiceOutput(Voice voice, List<Integer> wordsPerBeat, int synthesised) {}

  /** The music ({@code music.wav} in the work folder). */
  public record Tune(
      String source, Mood mood, int bpm, long durationMillis, MediaLicence licence) {}

  /** {@code music}: the tune, or none when the input asked for no music. */
  public record MusicOutput(Tune tune) {
    public Optional<Tune> found() {
      return Optional.ofNullable(tune);
    }
  }

  /** {@code captions}: where each beat sits in the video ({@code [start, end]} ms). */
  public record CaptionsOutput(List<long[]> spans, long durationMillis, int words) {}

  /** One rendered format, file names relative to the output folder. */
  public record OutputFile(
      String format,
      int width,
      int height,
      String video,
      String thumbnail,
      String srt,
      String vtt,
      long durationMillis,
      long bytes) {}

  /**
   * {@code render-<shape>}: the formats of that shape ({@code skipped} when none was asked for) and
   * how many video segments were encoded or taken from the cache.
   */
  public record RenderOutput(
      boolean skipped, List<OutputFile> outputs, int segmentsRendered, int segmentsReused) {}

  /** {@code thumbnail}: the thumbnails made, file names relative to the output folder. */
  public record ThumbnailOutput(List<String> files) {}

  /**
   * {@code manifest}, the run's artifact: every format's files and the manifest, and how many video
   * segments the renders encoded or took from the cache.
   */
  public record ManifestOutput(
      String folder,
      List<OutputFile> outputs,
      String manifest,
      String title,
      List<String> sentences,
      int segmentsRendered,
      int segmentsReused,
      ScriptFacts script) {}

  /**
   * How the script was made, for every place a user reads the result: the command's summary, the
   * session (API and dashboard), the manifest.
   *
   * @param origin the script's origin in lower case ({@code template}, {@code extractive}, …)
   * @param notice what the user should know before publishing, empty when nothing
   */
  public record ScriptFacts(
      String origin, String writer, String notice, String description, List<String> hashtags) {

    public static ScriptFacts of(Script script) {
      return new ScriptFacts(
          script.origin().name().toLowerCase(Locale.ROOT),
          script.writer(),
          script.notice(),
          script.description(),
          script.hashtags());
    }

    /** True for a template: a structure to edit, not a text to publish. */
    public boolean template() {
      return ScriptOrigin.TEMPLATE.name().equalsIgnoreCase(origin);
    }
  }

  /** Which providers made the story (recorded in the manifest). */
  public record Fingerprint(
      StoryInput input, String scriptWriter, String speech, String visuals, String music) {}
}

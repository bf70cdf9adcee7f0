package dev.reelforge.story.session;

import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.story.StoryJson;
import dev.reelforge.story.StoryOutputs;
import java.util.List;

/** What a finished {@code story} run means for its session: its outputs, or why there are none. */
public final class RunOutcome {

  private RunOutcome() {}

  /** The session as a run left it, as the API shows a started run. */
  static StorySession.Run runOf(RunRecord run) {
    return new StorySession.Run(run.id().toString(), "/api/runs/" + run.id());
  }

  /**
   * The session with {@code run}'s outcome: its videos when it succeeded (and the script it wrote
   * when the session had none), else the failed or cancelled status. A session that has moved on to
   * another run, or already shows this outcome, is returned as it is (the same instance, so nothing
   * is written).
   */
  static StorySession applied(StorySession s, RunRecord run) {
    SessionStatus outcome =
        switch (run.status()) {
          case SUCCEEDED -> SessionStatus.RENDERED;
          case CANCELLED -> SessionStatus.CANCELLED;
          default -> SessionStatus.FAILED;
        };
    if (s.run() == null
        || !s.run().id().equals(run.id().toString())
        || s.status() == outcome
        || !s.status().canMoveTo(outcome)) {
      return s;
    }
    StorySession.Run finished = runOf(run);
    if (outcome != SessionStatus.RENDERED) {
      return s.withRun(finished, outcome);
    }
    StoryOutputs.ManifestOutput result = manifestOf(run);
    List<StorySession.Output> outputs = outputs(s.id(), result);
    StorySession.Output first = outputs.getFirst();
    StorySession.FinalVideo video =
        new StorySession.FinalVideo(
            first.url(),
            first.durationSec(),
            first.thumbUrl(),
            first.srtUrl(),
            first.vttUrl(),
            first.format(),
            run.id().toString());
    StorySession withStory = s.story() == null ? s.withStory(storyOf(result), null, s.status()) : s;
    return withStory.withResult(video, outputs, finished);
  }

  /**
   * The script a run wrote, as the session shows it (runs recorded by older versions kept fewer
   * facts).
   */
  private static StorySession.Story storyOf(StoryOutputs.ManifestOutput result) {
    StoryOutputs.ScriptFacts facts = result.script();
    if (facts == null) {
      return new StorySession.Story(
          result.sentences(), result.title(), null, null, null, null, null, null);
    }
    return new StorySession.Story(
        result.sentences(),
        result.title(),
        facts.description(),
        facts.hashtags(),
        facts.origin(),
        facts.writer(),
        facts.notice().isBlank() ? null : facts.notice(),
        null);
  }

  /** A succeeded story run's files, at the URLs the API serves them from. */
  public record Rendered(List<StorySession.Output> outputs, String manifestUrl) {}

  /** The files of a succeeded story run of session {@code sessionId}, read from its artifact. */
  public static Rendered rendered(String sessionId, RunRecord run) {
    StoryOutputs.ManifestOutput manifest = manifestOf(run);
    return new Rendered(outputs(sessionId, manifest), url(sessionId, manifest.manifest()));
  }

  private static StoryOutputs.ManifestOutput manifestOf(RunRecord run) {
    return StoryJson.result(run);
  }

  private static List<StorySession.Output> outputs(
      String sessionId, StoryOutputs.ManifestOutput manifest) {
    return manifest.outputs().stream()
        .map(
            o ->
                new StorySession.Output(
                    o.format(),
                    o.width(),
                    o.height(),
                    url(sessionId, o.video()),
                    url(sessionId, o.thumbnail()),
                    url(sessionId, o.srt()),
                    url(sessionId, o.vtt()),
                    o.durationMillis() / 1000.0,
                    o.bytes()))
        .toList();
  }

  /** Where the API serves a file of the session's folder. */
  static String url(String sessionId, String file) {
    return "/api/story/" + sessionId + "/files/" + file;
  }
}

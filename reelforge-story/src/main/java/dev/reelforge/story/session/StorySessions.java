package dev.reelforge.story.session;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.ingest.Article;
import dev.reelforge.core.ingest.ArticleSource;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.engine.SubmitRequest;
import dev.reelforge.core.jobs.spi.RunRecord;
import dev.reelforge.core.moderation.ModerationChoice;
import dev.reelforge.core.moderation.ModerationPreferences;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.script.Beat;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.script.ScriptWriter;
import dev.reelforge.core.story.session.StoredSession;
import dev.reelforge.core.story.session.StorySessionStore;
import dev.reelforge.core.visuals.VisualCandidate;
import dev.reelforge.story.BeatVisuals;
import dev.reelforge.story.SessionFolders;
import dev.reelforge.story.StoryJson;
import dev.reelforge.story.StoryPipeline;
import dev.reelforge.story.StoryRunInputs;
import dev.reelforge.story.StoryScripts;
import dev.reelforge.story.StoryVoices;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The operations of seed 000's session routes. Each loads the owner's session, changes it and
 * stores it under optimistic locking (an edit that raced another is refused with CONFLICT, never
 * silently lost). Finalize snapshots the session into a {@code story} run on the job engine.
 */
public final class StorySessions {

  private final StorySessionStore store;
  private final ProviderRegistry providers;
  private final ArticleSource articles;
  private final JobService jobs;
  private final SessionLimits limits;
  private final ScriptLimits scriptLimits;
  private final ShotPlanner planner;
  private final SessionNarration narration;
  private final SessionAdmission admission;
  private final SessionFolders folders;
  private final ModerationPreferences moderationPreferences;
  private final Clock clock;

  public StorySessions(
      StorySessionStore store,
      ProviderRegistry providers,
      ArticleSource articles,
      JobService jobs,
      SessionLimits limits,
      SessionAdmission admission,
      SessionFolders folders,
      ModerationPreferences moderationPreferences,
      Clock clock) {
    this.store = store;
    this.admission = admission;
    this.providers = providers;
    this.articles = articles;
    this.jobs = jobs;
    this.limits = limits;
    this.scriptLimits = new ScriptLimits(limits);
    this.planner = new ShotPlanner(providers);
    this.narration = new SessionNarration(providers);
    this.folders = folders;
    this.moderationPreferences = moderationPreferences;
    this.clock = clock;
  }

  /** The longest idea, paragraph or link a session starts from (a script is limited by beats). */
  public static final int MAX_INPUT_CHARS = 2000;

  public StorySession start(UUID owner, String input, String inputType, String styleKey) {
    StorySession session =
        StorySession.started(
            newId(),
            new StorySession.Input(input.strip(), inputType),
            styleKey,
            defaults(),
            clock.instant());
    return create(owner, session);
  }

  public StorySession manual(UUID owner, String scriptText) {
    List<String> sentences = ScriptLimits.lines(scriptText);
    scriptLimits.check(sentences, "scriptText");
    StorySession session =
        StorySession.started(
            newId(),
            new StorySession.Input(scriptText.strip(), "manual"),
            "default",
            defaults(),
            clock.instant());
    Script script =
        dev.reelforge.core.script.ManualScripts.of(String.join("\n", sentences), "manual");
    return create(
        owner,
        session.withStory(
            story(script, null), ShotPlanner.plan(script.beats()), SessionStatus.STORY_GENERATED));
  }

  public Optional<StorySession> find(UUID owner, String id) {
    return store.find(owner, id).map(this::parse);
  }

  public StorySession get(UUID owner, String id) {
    return find(owner, id).orElseThrow(() -> ReelForgeException.notFound("Session", id));
  }

  /**
   * Soft-deletes the owner's session: it answers 404 from then on; its files stay until the owner's
   * data is erased.
   */
  public void delete(UUID owner, String id) {
    if (!store.delete(owner, id)) {
      throw ReelForgeException.notFound("Session", id);
    }
    folders.delete(id);
  }

  public StorySession generate(UUID owner, String id, String input, String inputType) {
    get(owner, id);
    admission.script(owner);
    return update(
        owner,
        id,
        s -> {
          StorySession.Input from =
              input == null
                  ? s.input()
                  : new StorySession.Input(
                      input.strip(), inputType == null ? s.input().type() : inputType);
          Article article = from.type().equals("link") ? articles.read(from.text()) : null;
          String text = article == null ? from.text() : StoryPipeline.writableText(article);
          ScriptWriter writer = providers.require(ProviderPort.SCRIPT_WRITER, ScriptWriter.class);
          Script script =
              StoryScripts.write(
                  writer, text, SessionSnapshot.kindOf(from.type(), article != null));
          StorySession withInput =
              new StorySession(
                  s.id(),
                  s.status(),
                  from,
                  s.styleKey(),
                  s.settings(),
                  null,
                  null,
                  null,
                  null,
                  s.run(),
                  s.finalVideo(),
                  s.outputs(),
                  s.createdAt(),
                  s.updatedAt());
          return withInput.withStory(
              story(script, article),
              ShotPlanner.plan(script.beats()),
              SessionStatus.STORY_GENERATED);
        });
  }

  public StorySession updateScript(UUID owner, String id, List<String> sentences) {
    List<String> clean = sentences.stream().map(String::strip).toList();
    scriptLimits.check(clean, "sentences");
    return update(
        owner,
        id,
        s -> {
          requireStory(s);
          List<StorySession.Shot> shots = new ArrayList<>();
          for (int i = 0; i < clean.size(); i++) {
            boolean same = i < s.beatCount() && s.story().sentences().get(i).equals(clean.get(i));
            shots.add(
                same && s.shots() != null && i < s.shots().size()
                    ? s.shots().get(i).at(i)
                    : ShotPlanner.shotFor(clean.get(i), i));
          }
          return s.withStory(s.story().withSentences(clean), shots, SessionStatus.STORY_GENERATED);
        });
  }

  public StorySession plan(UUID owner, String id) {
    return update(
        owner,
        id,
        s -> {
          requireStory(s);
          List<StorySession.Shot> shots = new ArrayList<>();
          for (int i = 0; i < s.beatCount(); i++) {
            StorySession.Shot old =
                s.shots() != null && i < s.shots().size() ? s.shots().get(i) : null;
            StorySession.Shot planned = ShotPlanner.shotFor(s.story().sentences().get(i), i);
            shots.add(old != null && old.selectedClip() != null ? old.at(i) : planned);
          }
          return s.withShots(shots, SessionStatus.PLANNED);
        });
  }

  public StorySession search(UUID owner, String id) {
    return update(
        owner,
        id,
        s -> {
          requireStory(s);
          StorySession planned =
              s.shots() == null || s.shots().size() != s.beatCount()
                  ? ShotPlanner.withAllShots(s)
                  : s;
          List<StorySession.Shot> shots = planned.shotsCopy();
          List<String> used = new ArrayList<>();
          for (int i = 0; i < shots.size(); i++) {
            StorySession.Shot shot = shots.get(i);
            if (shot.selectedClip() == null) {
              shot = planner.searched(planned, shot, shot.searchQuery(), 1, used);
              shots.set(i, shot);
            }
            if (shot.selectedClip() != null) {
              used.add(BeatVisuals.key(shot.selectedClip()));
            }
          }
          return planned.withShots(shots, SessionStatus.CLIPS_SEARCHED);
        });
  }

  /** The shot after a search for one beat: its candidates, and the first one chosen if none was. */
  public StorySession.Shot searchShot(UUID owner, String id, int index, String query, int page) {
    StorySession saved =
        update(
            owner,
            id,
            s -> {
              requireBeat(s, index);
              StorySession planned =
                  s.shots() == null || s.shots().size() != s.beatCount()
                      ? ShotPlanner.withAllShots(s)
                      : s;
              List<StorySession.Shot> shots = planned.shotsCopy();
              StorySession.Shot shot = shots.get(index);
              String q = query == null || query.isBlank() ? shot.searchQuery() : query.strip();
              shots.set(index, planner.searched(planned, shot.withQuery(q), q, page, List.of()));
              return planned.withShots(shots, planned.status());
            });
    return saved.shots().get(index);
  }

  public StorySession updateShot(UUID owner, String id, int index, String clipId) {
    return update(
        owner,
        id,
        s -> {
          requireBeat(s, index);
          if (s.shots() == null
              || s.shots().size() <= index
              || s.shots().get(index).candidates() == null) {
            throw ReelForgeException.invalidField("clipId", "search this beat's clips first");
          }
          StorySession.Shot shot = s.shots().get(index);
          VisualCandidate chosen =
              shot.candidates().stream()
                  .filter(c -> c.id().equals(clipId))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          ReelForgeException.invalidField(
                              "clipId", "is not one of beat " + index + "'s search results"));
          List<StorySession.Shot> shots = s.shotsCopy();
          shots.set(
              index, shot.withResults(shot.candidates(), shot.page(), shot.hasMore(), chosen));
          return s.withShots(shots, s.status());
        });
  }

  public StorySession insertBeat(UUID owner, String id, int afterIndex, String text) {
    return update(
        owner,
        id,
        s -> {
          requireStory(s);
          if (afterIndex < -1 || afterIndex >= s.beatCount()) {
            throw ReelForgeException.invalidField(
                "insertAfterIndex", "must be between -1 and " + (s.beatCount() - 1));
          }
          List<String> sentences = new ArrayList<>(s.story().sentences());
          sentences.add(afterIndex + 1, text.strip());
          scriptLimits.check(sentences, "text");
          List<StorySession.Shot> shots = s.shotsCopy();
          while (shots.size() < s.beatCount()) {
            shots.add(ShotPlanner.shotFor(s.story().sentences().get(shots.size()), shots.size()));
          }
          StorySession.Shot inserted = ShotPlanner.shotFor(text.strip(), afterIndex + 1);
          StorySession edited = s.withStory(s.story().withSentences(sentences), shots, s.status());
          shots.add(
              afterIndex + 1,
              planner.searched(edited, inserted, inserted.searchQuery(), 1, List.of()));
          return edited.withShots(ShotPlanner.reindexed(shots), s.status());
        });
  }

  public StorySession deleteBeat(UUID owner, String id, int index) {
    return update(
        owner,
        id,
        s -> {
          requireBeat(s, index);
          if (s.beatCount() == 1) {
            throw ReelForgeException.invalidField(
                "sentenceIndex", "the last beat cannot be deleted");
          }
          List<String> sentences = new ArrayList<>(s.story().sentences());
          sentences.remove(index);
          List<StorySession.Shot> shots = s.shotsCopy();
          if (index < shots.size()) {
            shots.remove(index);
          }
          return s.withStory(
              s.story().withSentences(sentences), ShotPlanner.reindexed(shots), s.status());
        });
  }

  /**
   * Moves beat {@code index} to {@code target}: its sentence and its shot (with the chosen visual)
   * travel together, the beats in between shift by one.
   */
  public StorySession moveBeat(UUID owner, String id, int index, int target) {
    return update(
        owner,
        id,
        s -> {
          requireBeat(s, index);
          if (target < 0 || target >= s.beatCount()) {
            throw ReelForgeException.invalidField(
                "to", "must be between 0 and " + (s.beatCount() - 1));
          }
          List<String> sentences = new ArrayList<>(s.story().sentences());
          sentences.add(target, sentences.remove(index));
          List<StorySession.Shot> shots = s.shotsCopy();
          while (shots.size() < s.beatCount()) {
            shots.add(ShotPlanner.shotFor(s.story().sentences().get(shots.size()), shots.size()));
          }
          shots.add(target, shots.remove(index));
          return s.withStory(
              s.story().withSentences(sentences), ShotPlanner.reindexed(shots), s.status());
        });
  }

  /**
   * Changes how the session renders: formats, voice, caption style, music and quality, each checked
   * as the CLI checks it.
   *
   * @throws ReelForgeException INVALID_INPUT naming the first field that is not valid
   */
  public StorySession configure(UUID owner, String id, StorySession.Settings wanted) {
    StorySession.Settings settings = checked(wanted);
    return update(owner, id, s -> s.withSettings(settings));
  }

  /**
   * {@code wanted} with names normalized, its voice one the speech engine in use has installed.
   *
   * @throws ReelForgeException INVALID_INPUT naming the first field that is not valid
   */
  public StorySession.Settings checked(StorySession.Settings wanted) {
    StorySession.Settings settings = SessionSettings.checked(wanted);
    StoryVoices.require(providers, Optional.ofNullable(settings.voice()), "voice");
    return settings;
  }

  /** The owner's newest sessions, newest first. */
  public List<StorySession> recent(UUID owner, int limit) {
    return store.recent(owner, limit).stream().map(this::parse).toList();
  }

  public StorySession updateBeatText(UUID owner, String id, int index, String text) {
    return update(
        owner,
        id,
        s -> {
          requireBeat(s, index);
          List<String> sentences = new ArrayList<>(s.story().sentences());
          sentences.set(index, text.strip());
          scriptLimits.check(sentences, "text");
          List<StorySession.Shot> shots = s.shotsCopy();
          if (index < shots.size()) {
            // The visual stays chosen: the user edited words, not the picture.
            StorySession.Shot old = shots.get(index);
            shots.set(
                index,
                old.withQuery(String.join(" ", ShotPlanner.keywordsOf(text, s.story().title()))));
          }
          return s.withStory(s.story().withSentences(sentences), shots, s.status());
        });
  }

  /**
   * Narrates the script (each beat cached by its text, as the pipeline does, so finalize reuses it)
   * and stores every word's time and where each beat sits in the video.
   */
  public StorySession narrate(UUID owner, String id) {
    StorySession session = get(owner, id);
    requireStory(session);
    SessionNarration.Narrated narrated = narration.narrate(session, folder(id).resolve(".work"));
    return update(owner, id, s -> s.withNarration(narrated.captions(), narrated.timeline()));
  }

  /**
   * Starts a {@code story} run for the session's current state.
   *
   * @param idempotencyKey a repeated request with the same key returns the first run
   */
  public StorySession finalize(
      UUID owner, String id, List<String> formats, Optional<String> idempotencyKey) {
    return finalize(owner, id, formats, Optional.empty(), idempotencyKey);
  }

  /**
   * As {@link #finalize(UUID, String, List, Optional)}, judged at the moderation gate by {@code
   * moderation}; when empty, by the owner's own preference, and without one by the configured
   * default (applied at the gate).
   */
  public StorySession finalize(
      UUID owner,
      String id,
      List<String> formats,
      Optional<ModerationChoice> moderation,
      Optional<String> idempotencyKey) {
    StorySession session = get(owner, id);
    StorySession.Settings settings = session.settings();
    if (formats != null && !formats.isEmpty()) {
      settings =
          new StorySession.Settings(
              SessionFormats.presetIds(formats),
              settings.voice(),
              settings.captionStyle(),
              settings.music(),
              settings.quality());
    }
    List<String> sentences = session.story() == null ? null : session.story().sentences();
    if (sentences != null) {
      scriptLimits.check(sentences, "sentences");
      scriptLimits.checkDuration(sentences);
    }
    StoryRunInputs runInputs =
        SessionSnapshot.of(session, settings, folder(session.id()), scriptLimits.maxMillis())
            .withModeration(chosenFor(owner, moderation).orElse(null));
    long credits = admission.render(owner, settings.formats().size());
    SubmitRequest request =
        SubmitRequest.of(owner, StoryPipeline.KIND, StoryJson.write(runInputs))
            .withCredits(credits);
    if (idempotencyKey.isPresent()) {
      request = request.withIdempotencyKey(idempotencyKey.get());
    }
    RunRecord run = jobs.submit(request).run();
    StorySession.Settings applied = settings;
    // The run is started: whatever else changed the session meanwhile, it must now point at it.
    StorySession started =
        updateOutcome(
            owner,
            id,
            s -> s.withSettings(applied).withRun(RunOutcome.runOf(run), SessionStatus.RENDERING));
    // A run that ended before the session pointed at it (a quick failure, a replayed key) was
    // already past the feed: apply its end here.
    RunRecord now = jobs.run(run.id());
    return now.status().isTerminal() ? runEnded(now).orElse(started) : started;
  }

  /**
   * The run's own choice, else the owner's preference, pinned into the run's inputs so that the run
   * is judged by what applied when it started; empty leaves the server default to the gate.
   */
  private Optional<ModerationChoice> chosenFor(UUID owner, Optional<ModerationChoice> requested) {
    return requested.or(() -> moderationPreferences.of(owner));
  }

  /** The session's folder of outputs (and work files) on this machine. */
  public Path folder(String sessionId) {
    try {
      return folders.folder(sessionId);
    } catch (ReelForgeException badId) {
      throw ReelForgeException.notFound("Session", sessionId);
    }
  }

  public SessionFolders folders() {
    return folders;
  }

  public SessionLimits limits() {
    return limits;
  }

  /**
   * Applies a {@code story} run's end to its session, once: its videos when it succeeded, else the
   * failed or cancelled status. Called when the run-event feed reports the end (and by finalize
   * when it waited for the run); a session that has moved on to another run, or already shows this
   * outcome, is not written again. Reads never change a session.
   *
   * @return the session as it now is; empty when the run is no story run or its session is gone
   */
  public Optional<StorySession> runEnded(RunRecord run) {
    if (!run.kind().equals(StoryPipeline.KIND) || !run.status().isTerminal()) {
      return Optional.empty();
    }
    String sessionId = StoryJson.read(run.inputs(), StoryRunInputs.class).sessionId();
    if (store.find(run.ownerId(), sessionId).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(updateOutcome(run.ownerId(), sessionId, s -> RunOutcome.applied(s, run)));
  }

  /**
   * Records what happened to a session's run, whatever edit raced it: unlike a user's edit, which
   * is refused when another changed the session first, this change is applied again to the newer
   * session (it only sets the run and its outcome).
   */
  private StorySession updateOutcome(UUID owner, String id, UnaryOperator<StorySession> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return update(owner, id, change);
      } catch (ReelForgeException e) {
        if (e.code() != ErrorCode.CONFLICT || attempt == 5) {
          throw e;
        }
      }
    }
  }

  private static StorySession.Story story(Script script, Article article) {
    return new StorySession.Story(
        script.beats().stream().map(Beat::text).toList(),
        script.title(),
        script.description(),
        script.hashtags(),
        script.origin().name().toLowerCase(Locale.ROOT),
        script.writer(),
        script.notice().isBlank() ? null : script.notice(),
        article);
  }

  private static void requireStory(StorySession s) {
    if (s.story() == null) {
      throw new ReelForgeException(
          ErrorCode.VALIDATION_FAILED,
          "the session has no script yet: call /api/story/generate first");
    }
  }

  private static void requireBeat(StorySession s, int index) {
    requireStory(s);
    if (index < 0 || index >= s.beatCount()) {
      throw ReelForgeException.invalidField(
          "sentenceIndex",
          "must be between 0 and "
              + (s.beatCount() - 1)
              + " (the session has "
              + s.beatCount()
              + " beats)");
    }
  }

  private static StorySession.Settings defaults() {
    return new StorySession.Settings(List.of("tiktok"), null, "bold-pop", "auto", "standard");
  }

  private String newId() {
    return "story-" + Ids.newId(clock);
  }

  private StorySession create(UUID owner, StorySession session) {
    store.create(session.id(), owner, StoryJson.write(session));
    return session;
  }

  private StorySession update(UUID owner, String id, UnaryOperator<StorySession> change) {
    StoredSession stored =
        store.find(owner, id).orElseThrow(() -> ReelForgeException.notFound("Session", id));
    StorySession current = parse(stored);
    StorySession next = change.apply(current);
    if (next == current) {
      return current; // nothing changed: nothing to write
    }
    StorySession changed = next.touched(clock.instant());
    return store
        .update(owner, id, stored.version(), StoryJson.write(changed))
        .map(this::parse)
        .orElseThrow(
            () ->
                new ReelForgeException(
                    ErrorCode.CONFLICT,
                    "the session was changed by another request; load it and try again"));
  }

  private StorySession parse(StoredSession stored) {
    return StoryJson.read(stored.document(), StorySession.class);
  }
}

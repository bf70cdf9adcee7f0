package dev.reelforge.story;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.api.ReviewSignal;
import dev.reelforge.core.jobs.api.StageContext;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.core.licence.LicenceEvidence;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.moderation.ImageModerator;
import dev.reelforge.core.moderation.ModerationPolicy;
import dev.reelforge.core.moderation.Moderator;
import dev.reelforge.core.moderation.gate.ContentGate;
import dev.reelforge.core.moderation.gate.GateFinding;
import dev.reelforge.core.moderation.gate.GateSubject;
import dev.reelforge.core.moderation.gate.GateVerdict;
import dev.reelforge.core.providers.ProviderPort;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.core.script.Beat;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.visuals.Orientation;
import dev.reelforge.core.visuals.VisualCandidate;
import dev.reelforge.core.visuals.VisualKind;
import dev.reelforge.core.visuals.VisualSource;
import dev.reelforge.story.StoryOutputs.ModerationOutput;
import dev.reelforge.story.StoryOutputs.Pick;
import dev.reelforge.story.StoryOutputs.Tune;
import dev.reelforge.story.StoryOutputs.Visuals;
import dev.reelforge.story.StoryOutputs.VoiceOutput;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The story pipeline's {@code moderation} stage: the moderation gate over everything the video will
 * say and show, before captions and rendering. It checks every beat's line, the title, description
 * and hashtags, every beat's picture or a frame of its clip, and the licence record of every item
 * (pictures, clips, music, narration), and records that evidence with the run.
 *
 * <p>Passed, it completes. Held, it parks the run for an operator with its findings as the
 * proposal. Approved, the engine completes it with that proposal. Rejected ({@code reroll}), it
 * regenerates the flagged beats' pictures with the offline procedural source (generated media: no
 * third-party rights) and checks again; it fails for good — the engine refunds the run — when a
 * flagged text remains (a new picture cannot change what is said) or the reviewer asked {@code
 * {"action":"fail"}}.
 */
final class ModerationStage {

  /** The visual source that regenerates flagged pictures: procedural designs, made in-process. */
  static final String REGENERATOR = "procedural";

  /** Stands in when no text moderator is configured: says so rather than pass silently. */
  private static final Moderator UNMODERATED =
      new Moderator() {
        @Override
        public String name() {
          return "none";
        }

        @Override
        public dev.reelforge.core.moderation.ModerationResult moderate(String text) {
          return new dev.reelforge.core.moderation.ModerationResult(
              List.of(), "none", List.of("texts not checked: no moderator is configured"));
        }
      };

  private final ProviderRegistry providers;
  private final StoryModeration moderation;
  private final Clock clock;

  ModerationStage(ProviderRegistry providers, StoryModeration moderation, Clock clock) {
    this.providers = providers;
    this.moderation = moderation;
    this.clock = clock;
  }

  StageResult run(
      StageContext ctx,
      StoryRunInputs in,
      Path work,
      Script script,
      Visuals visuals,
      VoiceOutput voice,
      Optional<Tune> tune,
      Orientation orientation) {
    ModerationPolicy policy;
    try {
      policy =
          Optional.ofNullable(in.moderation())
              .orElse(moderation.defaultChoice())
              .policy(moderation.regions());
    } catch (IllegalArgumentException unknown) {
      return StageResult.failed(
          new ReelForgeException(ErrorCode.VALIDATION_FAILED, unknown.getMessage()));
    }
    ContentGate gate =
        new ContentGate(
            providers
                .active(ProviderPort.MODERATOR)
                .map(c -> (Moderator) c.implementation())
                .orElse(UNMODERATED),
            providers
                .active(ProviderPort.IMAGE_MODERATOR)
                .map(c -> (ImageModerator) c.implementation()),
            policy);
    Optional<ReviewSignal> signal = ctx.reviewSignal();
    List<Pick> replacements = List.of();
    GateVerdict verdict = gate.check(subject(ctx, work, script, visuals, voice, tune));
    if (signal.isPresent() && signal.get().decision() != ReviewSignal.Decision.APPROVE) {
      if (asksToFail(signal.get())) {
        return rejected(verdict, "the reviewer rejected the story");
      }
      if (verdict.textFlagged()) {
        return rejected(
            verdict, "a flagged text remains, which new pictures cannot change: edit the script");
      }
      Set<Integer> beats =
          verdict.findings().stream()
              .filter(f -> f.beat() >= 0 && !f.kind().equals(GateFinding.TEXT))
              .map(GateFinding::beat)
              .collect(Collectors.toCollection(TreeSet::new));
      replacements = regenerate(ctx, beats, visuals, orientation, work);
      visuals = visuals.replacedBy(replacements);
      verdict = gate.check(subject(ctx, work, script, visuals, voice, tune));
    }
    moderation.evidence().record(ctx.runId(), evidence(script, visuals, voice, tune));
    Checkpoints.writeJson(
        work.resolve("licence-evidence.json"), evidence(script, visuals, voice, tune));
    ModerationOutput output =
        new ModerationOutput(
            verdict.policy(),
            verdict.findings(),
            verdict.noted(),
            verdict.unchecked(),
            verdict.moderators(),
            replacements,
            verdict.held());
    String json = StoryJson.write(output);
    return verdict.held() ? StageResult.awaitReview(json) : StageResult.completed(json);
  }

  private static boolean asksToFail(ReviewSignal signal) {
    return signal
        .payload()
        .map(p -> p.replaceAll("\\s", "").toLowerCase(java.util.Locale.ROOT))
        .filter(p -> p.contains("\"action\":\"fail\""))
        .isPresent();
  }

  private static StageResult rejected(GateVerdict verdict, String why) {
    String reasons =
        verdict.findings().stream().map(GateFinding::describe).collect(Collectors.joining("; "));
    return StageResult.failed(
        new ReelForgeException(
            ErrorCode.VALIDATION_FAILED,
            "moderation: " + why + (reasons.isEmpty() ? "" : " (" + reasons + ")")));
  }

  /** New pictures for {@code beats} from the procedural source, with a neutral design. */
  private List<Pick> regenerate(
      StageContext ctx, Set<Integer> beats, Visuals visuals, Orientation orientation, Path work) {
    if (beats.isEmpty()) {
      return List.of();
    }
    VisualSource procedural =
        providers.all(ProviderPort.VISUALS, VisualSource.class).stream()
            .filter(s -> s.name().equals(REGENERATOR))
            .findFirst()
            .orElseThrow(
                () ->
                    new ReelForgeException(
                        ErrorCode.SERVICE_UNAVAILABLE,
                        "moderation: no procedural visual source to regenerate pictures with"));
    List<Pick> replaced = new ArrayList<>();
    for (int beat : beats) {
      ctx.checkCancelled();
      Pick old = visuals.picks().get(beat);
      long millis = Math.max(2000, old.candidate().durationMillis());
      // No words of the flagged beat: a neutral design says nothing a reviewer objected to.
      VisualCandidate fresh =
          procedural
              .search(
                  BeatVisuals.query(List.of("calm", "abstract"), "", orientation, millis, beat, 1))
              .stream()
              .findFirst()
              .orElseThrow(
                  () ->
                      new ReelForgeException(
                          ErrorCode.SERVICE_UNAVAILABLE,
                          "moderation: the procedural source made no picture for beat "
                              + (beat + 1)));
      replaced.add(new Pick(beat, StoryStages.fetch(procedural, fresh, work), fresh));
    }
    return replaced;
  }

  private GateSubject subject(
      StageContext ctx,
      Path work,
      Script script,
      Visuals visuals,
      VoiceOutput voice,
      Optional<Tune> tune) {
    GateSubject subject = new GateSubject();
    subject.text("title", -1, script.title());
    for (int b = 0; b < script.beats().size(); b++) {
      Beat beat = script.beats().get(b);
      subject.text("beat " + (b + 1) + " text", b, beat.text());
    }
    subject.text("description", -1, script.description());
    subject.text("hashtags", -1, String.join(" ", script.hashtags()));
    for (Pick pick : visuals.picks()) {
      Path file = work.resolve(pick.file());
      String item = item(pick);
      if (pick.candidate().kind() == VisualKind.VIDEO) {
        if (moderation.frames().isEmpty()) {
          continue;
        }
        Path dir = work.resolve("moderation").resolve("frames").resolve("beat-" + pick.beat());
        for (Path frame : moderation.frames().get().frames(file, dir)) {
          subject.picture(item + " frame", pick.beat(), frame);
        }
      } else {
        subject.picture(item, pick.beat(), file);
      }
    }
    for (LicenceEvidence evidence : evidence(script, visuals, voice, tune)) {
      subject.licence(beatOf(evidence.item()), evidence);
    }
    return subject;
  }

  private List<LicenceEvidence> evidence(
      Script script, Visuals visuals, VoiceOutput voice, Optional<Tune> tune) {
    List<LicenceEvidence> evidence = new ArrayList<>();
    for (Pick pick : visuals.picks()) {
      VisualCandidate c = pick.candidate();
      String line =
          pick.beat() < script.beats().size() ? script.beats().get(pick.beat()).text() : "";
      evidence.add(
          new LicenceEvidence(
              item(pick),
              c.kind() == VisualKind.VIDEO ? "clip" : "picture",
              c.licence(),
              // Procedural and generated media are made from the beat's words.
              c.licence().author().contains("generated") ? line : "",
              c.source() + " " + c.id() + (c.description().isBlank() ? "" : ": " + c.description()),
              c.licence().url(),
              clock.instant()));
    }
    tune.ifPresent(
        t ->
            evidence.add(
                new LicenceEvidence(
                    "music",
                    "music",
                    t.licence(),
                    "",
                    t.source() + " " + t.mood() + " " + t.bpm() + " bpm",
                    t.licence().url(),
                    clock.instant())));
    String engine = voice.voice().engine();
    evidence.add(
        new LicenceEvidence(
            "narration",
            "voice",
            MediaLicence.generated(engine),
            script.narration(),
            engine,
            "",
            clock.instant()));
    return evidence;
  }

  private static String item(Pick pick) {
    return "beat "
        + (pick.beat() + 1)
        + (pick.candidate().kind() == VisualKind.VIDEO ? " clip" : " picture");
  }

  private static int beatOf(String item) {
    if (!item.startsWith("beat ")) {
      return -1;
    }
    return Integer.parseInt(item.substring(5, item.indexOf(' ', 5))) - 1;
  }
}

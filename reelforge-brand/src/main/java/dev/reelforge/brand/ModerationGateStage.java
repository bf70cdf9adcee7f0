package dev.reelforge.brand;

import dev.reelforge.core.brand.Storyboard;
import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.jobs.api.ReviewSignal;
import dev.reelforge.core.jobs.api.StageContext;
import dev.reelforge.core.jobs.api.StageResult;
import dev.reelforge.core.licence.LicenceEvidence;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.moderation.ModerationPolicy;
import dev.reelforge.core.moderation.gate.ContentGate;
import dev.reelforge.core.moderation.gate.GateFinding;
import dev.reelforge.core.moderation.gate.GateSubject;
import dev.reelforge.core.moderation.gate.GateVerdict;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The storyboard run's {@code moderation} stage, between the owner's approval and production:
 * before any money goes to the video engines, every scene's prompt and caption and every scene's
 * preview go through the same {@link ContentGate} as a story's, with the previews' licence records,
 * and that evidence is kept with the run. The upload itself is not checked here: the videos do not
 * show it (the engines animate the previews), and its analysis has its own integrity filter.
 *
 * <p>Passed, it completes. Held, it parks the run for an operator with its findings as the proposal
 * (the same shape as a story's, so the ops page reads both). Approved, the engine completes it.
 * Rejected ({@code reroll}), the flagged scenes are re-rolled as a RED asks (a new script from the
 * director and a new preview, the scene kept GREEN) and checked again; payload {@code
 * {"action":"fail"}} fails it for good, and the engine refunds the run.
 */
final class ModerationGateStage {

  private final Storyboards boards;
  private final PreviewStage previews;
  private final BrandFiles files;
  private final BrandModeration moderation;
  private final Path workRoot;
  private final Clock clock;

  ModerationGateStage(
      Storyboards boards,
      PreviewStage previews,
      BrandFiles files,
      BrandModeration moderation,
      Path workRoot,
      Clock clock) {
    this.boards = boards;
    this.previews = previews;
    this.files = files;
    this.moderation = moderation;
    this.workRoot = workRoot;
    this.clock = clock;
  }

  /** The proposal an operator reads: what the story gate's output says, field for field. */
  record Output(
      String policy,
      List<GateFinding> findings,
      List<GateFinding> noted,
      List<String> unchecked,
      List<String> moderators,
      boolean reviewed) {}

  StageResult execute(StageContext context) {
    UUID id = BrandJson.read(context.inputs(), StoryboardInput.class).storyboardId();
    ModerationPolicy policy;
    try {
      policy = moderation.choice().policy(moderation.regions());
    } catch (IllegalArgumentException unknown) {
      return StageResult.failed(
          new ReelForgeException(ErrorCode.VALIDATION_FAILED, unknown.getMessage()));
    }
    ContentGate gate = new ContentGate(moderation.text(), moderation.images(), policy);
    // A re-roll this stage began before a crash or a failed try: its previews come first.
    previews.fillForModeration(id, context.taskId());
    GateVerdict verdict = check(gate, id, context.taskId());
    if (context.reviewSignal().isPresent()
        && context.reviewSignal().get().decision() != ReviewSignal.Decision.APPROVE) {
      if (asksToFail(context.reviewSignal().get())) {
        return rejected(verdict, "the reviewer rejected the storyboard");
      }
      Set<Integer> flagged =
          verdict.findings().stream()
              .map(GateFinding::beat)
              .filter(b -> b >= 0)
              .collect(Collectors.toCollection(TreeSet::new));
      if (flagged.isEmpty() && verdict.held()) {
        return rejected(verdict, "no scene holds it, so a re-roll cannot clear it");
      }
      for (Scene scene : BrandJson.scenes(boards.get(id).scenesJson())) {
        if (flagged.contains(scene.sequenceIndex())) {
          context.checkCancelled();
          context.progress(0.5, "re-rolling scene " + (scene.sequenceIndex() + 1));
          previews.rerollForModeration(id, scene.id());
        }
      }
      previews.fillForModeration(id, context.taskId());
      verdict = check(gate, id, context.taskId());
    }
    moderation.evidence().record(context.runId(), evidence(boards.get(id)));
    context.progress(
        1.0,
        verdict.held()
            ? verdict.findings().size() + " findings: awaiting an operator"
            : "every scene passed the moderation gate");
    String json =
        BrandJson.write(
            new Output(
                verdict.policy(),
                verdict.findings(),
                verdict.noted(),
                verdict.unchecked(),
                verdict.moderators(),
                verdict.held()));
    return verdict.held() ? StageResult.awaitReview(json) : StageResult.completed(json);
  }

  private GateVerdict check(ContentGate gate, UUID id, UUID taskId) {
    Storyboard board = boards.get(id);
    try (WorkFolder work = new WorkFolder(workRoot, taskId)) {
      GateSubject subject = new GateSubject();
      List<Scene> scenes = BrandJson.scenes(board.scenesJson());
      for (Scene scene : scenes) {
        int i = scene.sequenceIndex();
        subject.text(item(scene, "prompt"), i, prompt(scene));
        subject.text(item(scene, "caption"), i, scene.caption());
      }
      for (Scene scene : scenes) {
        Path file = files.get(scene.previewKey(), work.file("scene-" + scene.sequenceIndex()));
        subject.picture(item(scene, "preview"), scene.sequenceIndex(), file);
      }
      for (LicenceEvidence evidence : evidence(board)) {
        subject.licence(Integer.parseInt(evidence.item().split(" ")[1]) - 1, evidence);
      }
      return gate.check(subject);
    }
  }

  /** Each preview's licence record: generated media, from the scene's prompt. */
  private List<LicenceEvidence> evidence(Storyboard board) {
    List<LicenceEvidence> evidence = new ArrayList<>();
    for (Scene scene : BrandJson.scenes(board.scenesJson())) {
      MediaLicence licence =
          scene.previewLicence() == null
              ? new MediaLicence("unknown", "unknown", "", "")
              : scene.previewLicence();
      evidence.add(
          new LicenceEvidence(
              item(scene, "preview"),
              "picture",
              licence,
              scene.cinematographyPrompt(),
              licence.source() + " " + scene.previewKey() + " (seed " + scene.previewSeed() + ")",
              licence.url(),
              clock.instant()));
    }
    return evidence;
  }

  /** What the video engines are asked for: the prompt with its camera and light. */
  private static String prompt(Scene scene) {
    return String.join(
        ". ",
        List.of(
                nonNull(scene.cinematographyPrompt()),
                nonNull(scene.cameraMovement()),
                nonNull(scene.lightingNotes()))
            .stream()
            .filter(s -> !s.isBlank())
            .toList());
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static String item(Scene scene, String what) {
    return "scene " + (scene.sequenceIndex() + 1) + " " + what;
  }

  private static boolean asksToFail(ReviewSignal signal) {
    return signal
        .payload()
        .map(p -> p.replaceAll("\\s", "").toLowerCase(Locale.ROOT))
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
}

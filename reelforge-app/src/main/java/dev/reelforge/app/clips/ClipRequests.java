package dev.reelforge.app.clips;

import dev.reelforge.clips.Clips;
import dev.reelforge.core.clips.ClipCandidate.CandidateState;
import dev.reelforge.core.clips.ReframeOverride;
import dev.reelforge.core.error.FieldViolation;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.id.Ids;
import dev.reelforge.core.timeline.CaptionTrack;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The JSON bodies of the clips routes, each checked into the feature's own request. */
final class ClipRequests {

  private ClipRequests() {}

  /** {@code POST /api/clips/sources/{id}/analyze}: every field optional. */
  record Analyze(Integer minSeconds, Integer maxSeconds, Integer minCount, Integer maxCount) {

    Clips.AnalysisRequest checked() {
      Clips.AnalysisRequest d = Clips.AnalysisRequest.DEFAULT;
      return new Clips.AnalysisRequest(
          minSeconds == null ? d.minMillis() : minSeconds * 1000L,
          maxSeconds == null ? d.maxMillis() : maxSeconds * 1000L,
          minCount == null ? d.minCount() : minCount,
          maxCount == null ? d.maxCount() : maxCount);
    }
  }

  /** {@code PATCH /api/clips/sources/{id}/candidates/{candidateId}}. */
  record Change(String state, Long startMs, Long endMs, Reframe reframe) {

    Clips.CandidateChange checked() {
      List<FieldViolation> problems = new ArrayList<>();
      Optional<CandidateState> newState = Optional.empty();
      if (state != null) {
        switch (state.strip().toLowerCase(Locale.ROOT)) {
          case "kept", "keep" -> newState = Optional.of(CandidateState.KEPT);
          case "discarded", "discard" -> newState = Optional.of(CandidateState.DISCARDED);
          case "proposed" -> newState = Optional.of(CandidateState.PROPOSED);
          default -> problems.add(new FieldViolation("state", "use kept, discarded or proposed"));
        }
      }
      Optional<Optional<ReframeOverride>> newReframe = Optional.empty();
      if (reframe != null) {
        newReframe = reframe.checked(problems);
      }
      if (state == null && startMs == null && endMs == null && reframe == null) {
        problems.add(
            new FieldViolation("state", "change at least one of state, startMs, endMs, reframe"));
      }
      if (!problems.isEmpty()) {
        throw ReelForgeException.invalidInput("the change is not valid", problems);
      }
      return new Clips.CandidateChange(
          newState, Optional.ofNullable(startMs), Optional.ofNullable(endMs), newReframe);
    }
  }

  /** A framing choice: {@code auto} (the tracker decides), {@code fit}, or {@code crop} at x. */
  record Reframe(String mode, Double centerX) {

    Optional<Optional<ReframeOverride>> checked(List<FieldViolation> problems) {
      String m = mode == null ? "" : mode.strip().toLowerCase(Locale.ROOT);
      switch (m) {
        case "auto":
          return Optional.of(Optional.empty());
        case "fit":
          return Optional.of(Optional.of(ReframeOverride.fit()));
        case "crop":
          if (centerX == null || !(centerX >= 0 && centerX <= 1)) {
            problems.add(
                new FieldViolation(
                    "reframe.centerX", "a crop names its centre, 0 (left) to 1 (right)"));
            return Optional.empty();
          }
          return Optional.of(Optional.of(ReframeOverride.cropAt(centerX)));
        default:
          problems.add(new FieldViolation("reframe.mode", "use auto, fit or crop"));
          return Optional.empty();
      }
    }
  }

  /** {@code POST /api/clips/sources/{id}/export}. */
  record Export(
      List<String> candidateIds, List<String> presets, String captionStyle, String quality) {

    Clips.ExportRequest checked() {
      List<UUID> ids = new ArrayList<>();
      List<FieldViolation> problems = new ArrayList<>();
      if (candidateIds != null) {
        for (String id : candidateIds) {
          if (id == null || !Ids.isUuid(id)) {
            problems.add(new FieldViolation("candidateIds", "'" + id + "' is not a candidate id"));
          } else {
            ids.add(UUID.fromString(id));
          }
        }
      }
      if (!problems.isEmpty()) {
        throw ReelForgeException.invalidInput("the export is not valid", problems);
      }
      return new Clips.ExportRequest(
          ids,
          presets == null ? List.of("tiktok") : presets,
          captionStyle == null ? CaptionTrack.DEFAULT_STYLE : captionStyle,
          quality == null ? "standard" : quality);
    }
  }
}

package dev.reelforge.core.moderation.gate;

import dev.reelforge.core.licence.LicencePolicy;
import dev.reelforge.core.moderation.ImageModerator;
import dev.reelforge.core.moderation.ModerationFlag;
import dev.reelforge.core.moderation.ModerationPolicy;
import dev.reelforge.core.moderation.ModerationResult;
import dev.reelforge.core.moderation.Moderator;
import dev.reelforge.core.moderation.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The moderation gate before rendering (seed 002): every text of a run through the text moderator,
 * every picture and clip frame through the image moderator, every item's licence record through
 * {@link LicencePolicy}, and each flag weighed by the run's {@link ModerationPolicy}. Flags at or
 * above the policy's threshold become findings that hold the run; lower ones are noted. A licence
 * that does not allow publishing always holds. What no moderator could check is said in the
 * verdict: with no image moderator configured, pictures are reported unchecked.
 */
public final class ContentGate {

  private final Moderator text;
  private final Optional<ImageModerator> images;
  private final ModerationPolicy policy;

  public ContentGate(Moderator text, Optional<ImageModerator> images, ModerationPolicy policy) {
    this.text = text;
    this.images = images;
    this.policy = policy;
  }

  public GateVerdict check(GateSubject subject) {
    List<GateFinding> findings = new ArrayList<>();
    List<GateFinding> noted = new ArrayList<>();
    Set<String> unchecked = new LinkedHashSet<>();
    Set<String> moderators = new LinkedHashSet<>();
    for (GateSubject.Text item : subject.texts()) {
      if (item.text().isBlank()) {
        continue;
      }
      ModerationResult result = text.moderate(item.text());
      moderators.add(result.moderator());
      unchecked.addAll(result.unchecked());
      weigh(item.item(), GateFinding.TEXT, item.beat(), result, findings, noted);
    }
    for (GateSubject.Picture item : subject.pictures()) {
      if (images.isEmpty()) {
        unchecked.add("pictures not checked: no image moderator is configured");
        break;
      }
      ModerationResult result = images.get().moderate(item.file());
      moderators.add(result.moderator());
      unchecked.addAll(result.unchecked());
      weigh(item.item(), GateFinding.PICTURE, item.beat(), result, findings, noted);
    }
    for (GateSubject.Licence item : subject.licences()) {
      LicencePolicy.refusal(item.evidence())
          .ifPresent(
              why ->
                  findings.add(
                      new GateFinding(
                          item.evidence().item(),
                          GateFinding.LICENCE,
                          item.beat(),
                          GateFinding.LICENCE,
                          Severity.HIGH,
                          why)));
    }
    return new GateVerdict(
        policy.name(), findings, noted, List.copyOf(unchecked), List.copyOf(moderators));
  }

  private void weigh(
      String item,
      String kind,
      int beat,
      ModerationResult result,
      List<GateFinding> findings,
      List<GateFinding> noted) {
    for (ModerationFlag flag : result.flags()) {
      GateFinding finding =
          new GateFinding(
              item,
              kind,
              beat,
              flag.category().name().toLowerCase(Locale.ROOT).replace('_', '-'),
              flag.severity(),
              flag.reason());
      (policy.holds(flag) ? findings : noted).add(finding);
    }
  }
}

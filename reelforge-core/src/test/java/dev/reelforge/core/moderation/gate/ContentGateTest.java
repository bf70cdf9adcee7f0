package dev.reelforge.core.moderation.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.licence.LicenceEvidence;
import dev.reelforge.core.licence.MediaLicence;
import dev.reelforge.core.moderation.ImageModerator;
import dev.reelforge.core.moderation.ModerationCategory;
import dev.reelforge.core.moderation.ModerationFlag;
import dev.reelforge.core.moderation.ModerationPolicy;
import dev.reelforge.core.moderation.ModerationResult;
import dev.reelforge.core.moderation.Moderator;
import dev.reelforge.core.moderation.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentGateTest {

  /** Flags "darn" as mild profanity and "hateword" as medium hate: enough to weigh policies. */
  private static final Moderator WORDS =
      new Moderator() {
        @Override
        public String name() {
          return "words";
        }

        @Override
        public ModerationResult moderate(String text) {
          List<ModerationFlag> flags = new ArrayList<>();
          int darn = text.indexOf("darn");
          if (darn >= 0) {
            flags.add(
                new ModerationFlag(
                    ModerationCategory.PROFANITY, Severity.LOW, darn, darn + 4, "'darn'"));
          }
          int hate = text.indexOf("hateword");
          if (hate >= 0) {
            flags.add(
                new ModerationFlag(
                    ModerationCategory.HATE, Severity.MEDIUM, hate, hate + 8, "'hateword'"));
          }
          return new ModerationResult(flags, "words");
        }
      };

  /** Reads a picture's "words" from the file's text content, as OCR would from its pixels. */
  private static final ImageModerator FILE_WORDS =
      new ImageModerator() {
        @Override
        public String name() {
          return "file-words";
        }

        @Override
        public ModerationResult moderate(Path picture) {
          try {
            ModerationResult found = WORDS.moderate(Files.readString(picture));
            return new ModerationResult(
                found.flags(), "file-words", List.of("nudity not checked offline"));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      };

  @TempDir Path dir;

  private static LicenceEvidence evidence(String item, String licence) {
    return new LicenceEvidence(
        item,
        "picture",
        new MediaLicence("test", "someone", licence, ""),
        "",
        "",
        "",
        Instant.EPOCH);
  }

  @Test
  void kidsModeHoldsWhatTheDefaultLetsThrough() throws Exception {
    Path picture = Files.writeString(dir.resolve("beat2.png"), "a darn sign");
    GateSubject subject =
        new GateSubject()
            .text("beat 1 text", 0, "What a darn fine day.")
            .picture("beat 2 picture", 1, picture)
            .licence(1, evidence("beat 2 picture", "CC0-1.0"));

    GateVerdict grownUps =
        new ContentGate(WORDS, Optional.of(FILE_WORDS), ModerationPolicy.DEFAULT).check(subject);
    assertThat(grownUps.held()).isFalse();
    assertThat(grownUps.noted()).hasSize(2);

    GateVerdict kids =
        new ContentGate(WORDS, Optional.of(FILE_WORDS), ModerationPolicy.KIDS).check(subject);
    assertThat(kids.held()).isTrue();
    assertThat(kids.policy()).isEqualTo("kids");
    assertThat(kids.findings())
        .extracting(GateFinding::item, GateFinding::kind, GateFinding::beat, GateFinding::category)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("beat 1 text", "text", 0, "profanity"),
            org.assertj.core.groups.Tuple.tuple("beat 2 picture", "picture", 1, "profanity"));
    assertThat(kids.textFlagged()).isTrue();
    assertThat(kids.unchecked()).containsExactly("nudity not checked offline");
    assertThat(kids.moderators()).containsExactly("words", "file-words");
  }

  @Test
  void theDefaultHoldsMediumHateAndSaysWhy() {
    GateVerdict verdict =
        new ContentGate(WORDS, Optional.empty(), ModerationPolicy.DEFAULT)
            .check(new GateSubject().text("title", -1, "A hateword title"));
    assertThat(verdict.held()).isTrue();
    GateFinding finding = verdict.findings().getFirst();
    assertThat(finding.describe()).isEqualTo("title: hate (medium) — 'hateword'");
  }

  @Test
  void aMissingOrRefusingLicenceHoldsWhateverThePolicy() {
    GateVerdict verdict =
        new ContentGate(WORDS, Optional.empty(), ModerationPolicy.DEFAULT)
            .check(
                new GateSubject()
                    .licence(0, evidence("beat 1 picture", ""))
                    .licence(1, evidence("beat 2 clip", "CC BY-NC 4.0"))
                    .licence(2, evidence("beat 3 picture", "CC0-1.0")));
    assertThat(verdict.findings())
        .extracting(GateFinding::item, GateFinding::category, GateFinding::severity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("beat 1 picture", "licence", Severity.HIGH),
            org.assertj.core.groups.Tuple.tuple("beat 2 clip", "licence", Severity.HIGH));
    assertThat(verdict.findings().getFirst().reason()).contains("has no licence on record");
    assertThat(verdict.textFlagged()).isFalse();
  }

  @Test
  void picturesWithoutAnImageModeratorAreReportedUnchecked() throws Exception {
    Path picture = Files.writeString(dir.resolve("p.png"), "hateword");
    GateVerdict verdict =
        new ContentGate(WORDS, Optional.empty(), ModerationPolicy.KIDS)
            .check(new GateSubject().picture("beat 1 picture", 0, picture));
    assertThat(verdict.held()).isFalse();
    assertThat(verdict.unchecked())
        .containsExactly("pictures not checked: no image moderator is configured");
  }
}

package dev.reelforge.testkit.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.script.Beat;
import dev.reelforge.core.script.BeatRole;
import dev.reelforge.core.script.CopyRequest;
import dev.reelforge.core.script.InputKind;
import dev.reelforge.core.script.PostCopy;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.script.ScriptOrigin;
import dev.reelforge.core.script.ScriptRequest;
import dev.reelforge.core.script.ScriptRules;
import dev.reelforge.core.script.ScriptWriter;
import dev.reelforge.core.script.StoryLimits;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link ScriptWriter} promises. */
public abstract class ScriptWriterContract {

  /** A paragraph of the kind users paste: several sentences, one subject. */
  public static final String PARAGRAPH =
      "The Moon is drifting away from Earth at about four centimetres a year. Scientists measure"
          + " the distance by bouncing lasers off mirrors the Apollo astronauts left on the lunar"
          + " surface. The tides are the cause: Earth's oceans pull on the Moon and slowly push it"
          + " into a higher orbit. As the Moon moves away, Earth's rotation slows and our days grow"
          + " longer. Hundreds of millions of years ago a day lasted only about twenty-one hours."
          + " In the far future total solar eclipses will end, because the Moon will look too"
          + " small to cover the Sun.";

  protected abstract ScriptWriter writer();

  @Test
  void aParagraphBecomesAScriptWithinTheLimits() {
    Script script = writer().write(ScriptRequest.of(PARAGRAPH, InputKind.PARAGRAPH));
    assertWellFormed(script);
    assertThat(script.beats()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(script.origin()).isIn(ScriptOrigin.EXTRACTIVE, ScriptOrigin.GENERATED);
  }

  @Test
  void aLongArticleIsCondensedToTheLimits() {
    Script script =
        writer()
            .write(
                ScriptRequest.of(
                    (PARAGRAPH + "\n\n").repeat(6) + "That is why the Moon matters.",
                    InputKind.ARTICLE));
    assertWellFormed(script);
    assertThat(script.narration().length()).isLessThanOrEqualTo(StoryLimits.MAX_TOTAL_CHARS);
  }

  @Test
  void aBareIdeaGivesAScriptThatSaysHowItWasMade() {
    Script script = writer().write(ScriptRequest.of("why cats purr", InputKind.IDEA));
    assertWellFormed(script);
    if (script.origin() == ScriptOrigin.TEMPLATE) {
      assertThat(script.notice()).containsIgnoringCase("template");
    }
  }

  @Test
  void aManualScriptIsSplitByLineAndNeverRewritten() {
    String manual =
        "Did you know octopuses have three hearts?\n\nTwo pump blood to the gills.\n"
            + "The third serves the rest of the body.\nFollow for more ocean facts.";
    Script script = writer().write(ScriptRequest.of(manual, InputKind.MANUAL));
    assertThat(script.beats())
        .extracting(Beat::text)
        .containsExactly(
            "Did you know octopuses have three hearts?",
            "Two pump blood to the gills.",
            "The third serves the rest of the body.",
            "Follow for more ocean facts.");
    assertThat(script.origin()).isEqualTo(ScriptOrigin.MANUAL);
    assertWellFormed(script);
  }

  @Test
  void aManualScriptBreakingTheLimitsIsRefusedNamingTheLine() {
    String manual = "A short first line.\n" + "x".repeat(StoryLimits.MAX_BEAT_CHARS + 1);
    assertThatThrownBy(() -> writer().write(ScriptRequest.of(manual, InputKind.MANUAL)))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
              assertThat(e.violations())
                  .anySatisfy(v -> assertThat(v.field()).isEqualTo("beats[1]"));
            });
    String nine = "Line.\n".repeat(StoryLimits.MAX_BEATS + 1);
    assertThatThrownBy(() -> writer().write(ScriptRequest.of(nine, InputKind.MANUAL)))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
  }

  @Test
  void thePostCopyForEveryPlatformIsWithinItsLimitsAndInTheLocaleAsked() {
    Script script = writer().write(ScriptRequest.of(PARAGRAPH, InputKind.PARAGRAPH));
    List<String> fortyTags = IntStream.rangeClosed(1, 40).mapToObj(i -> "tag" + i).toList();
    String longNarration = (script.narration() + " ").repeat(10);
    for (Platform platform : Platform.values()) {
      PostCopy copy =
          writer()
              .copyFor(
                  new CopyRequest(script.title(), longNarration, fortyTags, platform, "fr-CA"));
      assertThat(copy.metadata().violations(platform, "metadata"))
          .as("%s copy on %s", copy.writer(), platform)
          .isEmpty();
      assertThat(copy.metadata().locale()).isEqualTo("fr-CA");
      assertThat(copy.metadata().hashtags()).isNotEmpty();
      assertThat(copy.writer()).isNotBlank();
      if (platform.equals(Platform.INSTAGRAM)) {
        assertThat(copy.metadata().hashtags()).hasSize(30);
        assertThat(copy.notice()).contains("hashtags were left out");
      }
    }
  }

  /** Limits, roles, keywords and metadata every script must have. */
  protected static void assertWellFormed(Script script) {
    assertThat(ScriptRules.problems(script)).isEmpty();
    assertThat(script.beats()).hasSizeLessThanOrEqualTo(StoryLimits.MAX_BEATS);
    assertThat(script.beats().getFirst().role()).isEqualTo(BeatRole.HOOK);
    if (script.beats().size() > 1) {
      assertThat(script.beats().getLast().role()).isEqualTo(BeatRole.CLOSING);
    }
    for (Beat beat : script.beats()) {
      assertThat(beat.text()).isNotBlank().hasSizeLessThanOrEqualTo(StoryLimits.MAX_BEAT_CHARS);
      assertThat(beat.keywords()).isNotEmpty().allSatisfy(k -> assertThat(k).isNotBlank());
      assertThat(beat.shot()).isNotBlank();
    }
    assertThat(script.title()).isNotBlank();
    assertThat(script.description()).isNotBlank();
    assertThat(script.hashtags()).isNotEmpty().allSatisfy(t -> assertThat(t).doesNotStartWith("#"));
    assertThat(script.writer()).isNotBlank();
  }
}

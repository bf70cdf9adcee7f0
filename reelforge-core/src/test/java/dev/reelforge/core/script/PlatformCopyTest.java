package dev.reelforge.core.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.publish.Platform;
import dev.reelforge.core.publish.PostMetadata;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PlatformCopyTest {

  private static final String NARRATION =
      "Honeybees dance to tell each other where the flowers are. A waggle run points at the food,"
          + " its length says how far. The hive follows the best dancer.";

  /** A writer with nothing but the port's default. */
  private static final ScriptWriter OFFLINE =
      new ScriptWriter() {
        @Override
        public String name() {
          return "offline";
        }

        @Override
        public Script write(ScriptRequest request) {
          throw new UnsupportedOperationException();
        }
      };

  private static final List<String> FORTY_TAGS =
      IntStream.rangeClosed(1, 40).mapToObj(i -> "tag" + i).toList();

  private static final String LONG_NARRATION =
      "Bees are remarkable. "
          + "They carry pollen from flower to flower all day long. ".repeat(120);

  @Test
  void youTubeGetsTheTitleAndTheNarrationWithTheHashtagsAsTags() {
    PostCopy copy =
        OFFLINE.copyFor(
            new CopyRequest(
                "How bees give directions",
                NARRATION,
                List.of("#bees", "honey"),
                Platform.YOUTUBE,
                "en-GB"));
    PostMetadata metadata = copy.metadata();
    assertThat(metadata.title()).isEqualTo("How bees give directions");
    assertThat(metadata.description()).isEqualTo(NARRATION);
    assertThat(metadata.hashtags()).containsExactly("bees", "honey");
    assertThat(metadata.caption(Platform.YOUTUBE)).doesNotContain("#");
    assertThat(metadata.locale()).isEqualTo("en-GB");
    assertThat(copy.writer()).isEqualTo("offline");
    assertThat(copy.notice()).isEmpty();
  }

  @Test
  void tikTokAndInstagramLeadWithTheHookAndEndWithTheHashtags() {
    for (Platform platform : List.of(Platform.TIKTOK, Platform.INSTAGRAM)) {
      PostMetadata metadata =
          OFFLINE
              .copyFor(
                  new CopyRequest(
                      "How bees give directions", NARRATION, List.of("bees"), platform, "en"))
              .metadata();
      String caption = metadata.caption(platform);
      assertThat(caption)
          .startsWith("Honeybees dance to tell each other where the flowers are.\n\nA waggle run")
          .endsWith("The hive follows the best dancer.\n\n#bees");
      // The hook is not said twice.
      assertThat(caption.split("Honeybees dance", -1)).hasSize(2);
    }
  }

  @Test
  void facebookGetsTheTitleAndADescriptionClosedByTheHashtags() {
    PostMetadata metadata =
        OFFLINE
            .copyFor(
                new CopyRequest(
                    "How bees give directions",
                    NARRATION,
                    List.of("bees"),
                    Platform.FACEBOOK,
                    "en"))
            .metadata();
    assertThat(metadata.title()).isEqualTo("How bees give directions");
    assertThat(metadata.caption(Platform.FACEBOOK)).isEqualTo(NARRATION + "\n\n#bees");
  }

  @Test
  void withoutATitleOrHashtagsTheyAreMadeFromTheNarration() {
    PostMetadata metadata =
        OFFLINE.copyFor(new CopyRequest("", NARRATION, List.of(), Platform.YOUTUBE, "")).metadata();
    assertThat(metadata.title())
        .isEqualTo("Honeybees dance to tell each other where the flowers are");
    assertThat(metadata.hashtags()).isNotEmpty().allSatisfy(t -> assertThat(t).matches("\\p{L}+"));
    assertThat(metadata.locale()).isEqualTo("en");
  }

  @Test
  void fortyHashtagsBecomeThirtyOnInstagramAndTheNoticeSaysSo() {
    PostCopy copy =
        OFFLINE.copyFor(new CopyRequest("Bees", NARRATION, FORTY_TAGS, Platform.INSTAGRAM, "en"));
    assertThat(copy.metadata().hashtags()).hasSize(30).startsWith("tag1", "tag2");
    assertThat(copy.notice()).contains("10 hashtags were left out");
    assertThat(copy.metadata().violations(Platform.INSTAGRAM, "metadata")).isEmpty();
  }

  @Test
  void aSixThousandCharacterDescriptionIsCutOnYouTube() {
    String narration = "Bees. " + "word ".repeat(1_200);
    assertThat(narration).hasSizeGreaterThan(6_000);
    PostCopy copy =
        OFFLINE.copyFor(new CopyRequest("Bees", narration, FORTY_TAGS, Platform.YOUTUBE, "en"));
    PostMetadata metadata = copy.metadata();
    assertThat(metadata.description().length()).isLessThanOrEqualTo(5_000).isGreaterThan(4_900);
    assertThat(metadata.description()).endsWith("…");
    assertThat(metadata.hashtags()).hasSize(15);
    assertThat(copy.notice()).contains("description was shortened to fit youtube's 5,000");
    assertThat(metadata.violations(Platform.YOUTUBE, "metadata")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void everyPlatformsLimitsHoldForALongInputAndTheLocaleIsCarried(Platform platform) {
    PostMetadata metadata =
        OFFLINE
            .copyFor(
                new CopyRequest("T".repeat(300), LONG_NARRATION, FORTY_TAGS, platform, "pt_BR"))
            .metadata();
    assertThat(metadata.violations(platform, "metadata")).isEmpty();
    assertThat(metadata.locale()).isEqualTo("pt-BR");
    assertThat(metadata.hashtags()).isNotEmpty();
  }

  @Test
  void aRequestNeedsSomethingToSayAndALanguageTag() {
    assertThatThrownBy(() -> new CopyRequest(" ", "", List.of(), Platform.TIKTOK, "en"))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.violations().getFirst().field()).isEqualTo("narration"));
    assertThatThrownBy(() -> new CopyRequest("T", "Text.", List.of(), Platform.TIKTOK, "not a tag"))
        .isInstanceOfSatisfying(
            ReelForgeException.class,
            e -> assertThat(e.violations().getFirst().field()).isEqualTo("locale"));
  }

  @Test
  void aScriptGivesItsTitleNarrationAndHashtags() {
    Script script =
        new Script(
            "Bee dances",
            List.of(
                new Beat(BeatRole.HOOK, "Bees dance.", List.of("bee")),
                new Beat(BeatRole.CLOSING, "Follow for more.", List.of("hive"))),
            "d",
            List.of("bees"),
            ScriptOrigin.GENERATED,
            "w",
            "");
    CopyRequest request = CopyRequest.of(script, Platform.TIKTOK, "de");
    assertThat(request.hook()).isEqualTo("Bees dance.");
    assertThat(request.afterHook()).isEqualTo("Follow for more.");
    assertThat(request.hashtags()).containsExactly("bees");
  }
}

package dev.reelforge.app.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reelforge.core.ingest.TextIngest;
import dev.reelforge.core.script.Beat;
import dev.reelforge.core.script.Script;
import dev.reelforge.core.script.ScriptOrigin;
import dev.reelforge.core.speech.TextNormalizer;
import dev.reelforge.core.speech.WordTiming;
import dev.reelforge.media.captions.FontLibrary;
import dev.reelforge.media.captions.TitleFitter;
import dev.reelforge.media.captions.TitleLayout;
import dev.reelforge.providers.script.ExtractiveScriptWriter;
import dev.reelforge.providers.speech.EspeakSpeech;
import dev.reelforge.story.BeatNarration;
import dev.reelforge.story.StoryScripts;
import dev.reelforge.testkit.corpus.InputCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23's measure, end to end on the whole input corpus with the offline defaults: each input
 * goes through text ingest and the extractive writer (as the script stage does), is narrated by a
 * real speech engine beat by beat (as the voice stage does), and what reaches the screen is
 * checked: the author's punctuation kept, no markup or code read aloud, every caption word a
 * written word, the hook never cut short, no script opening on a sentence that leans on another.
 * The figures are printed for the record.
 */
class CorpusQualityTest {

  /** Openings that lean on a sentence before them. */
  private static final Pattern LEANS_BACK =
      Pattern.compile(
          "^(?i)(it|its|they|them|their|this|these|those|that|he|she|his|her|yet|but|however|so"
              + "|also|and|then|the same|two of them|both|such)\\b");

  /** What markup or code looks like once read aloud or captioned. */
  private static final Pattern MARKUP =
      Pattern.compile("```|\\*\\*|__|\\]\\(|\\||</?[a-zA-Z]|&[a-z]+;|(^|\\s)#{1,6}\\s|\\{\\s*\"");

  /** Hook boxes shaped as the presets' (vertical, square, 16:9, tall vertical), as in media. */
  private static final List<TitleFitter.Box> HOOK_BOXES =
      List.of(
          new TitleFitter.Box(880, 460, 130, 70),
          new TitleFitter.Box(960, 302, 130, 70),
          new TitleFitter.Box(1720, 324, 130, 70),
          new TitleFitter.Box(880, 650, 162, 70));

  private static final TitleFitter TITLES = new TitleFitter(FontLibrary.shared());

  @Test
  void whatReachesTheScreenIsWhatTheAuthorWrote(@TempDir Path dir) {
    EspeakSpeech speech = new EspeakSpeech();
    assumeTrue(speech.installed(), "espeak-ng is not installed: " + EspeakSpeech.INSTALL_HINT);
    ExtractiveScriptWriter writer = new ExtractiveScriptWriter();
    int inputs = 0;
    int beats = 0;
    int exactBeats = 0;
    int captionWords = 0;
    int writtenCaptionWords = 0;
    int truncatedTitles = 0;
    int leaningOpenings = 0;
    int markupBeats = 0;
    int hooks = 0;
    int shortenedHooks = 0;
    List<String> problems = new ArrayList<>();
    for (InputCorpus.Input input : InputCorpus.all()) {
      inputs++;
      Script script = StoryScripts.write(writer, input.text(), input.inputKind());
      String prose =
          input.isProse() ? spaces(TextIngest.read(input.text()).text()) : spaces(input.text());
      if (script.title().endsWith("…")) {
        truncatedTitles++;
        problems.add(input + ": title cut short: " + script.title());
      }
      for (TitleFitter.Box box : HOOK_BOXES) {
        TitleLayout hook = TITLES.fit(script.title(), box);
        hooks++;
        if (hook.text().contains("…") || !spaces(script.title()).startsWith(spaces(hook.text()))) {
          problems.add(
              input + ": hook '" + hook.text() + "' is not the title's start: " + script.title());
        } else if (!hook.text().equals(script.title())) {
          shortenedHooks++;
        }
      }
      String first = script.beats().getFirst().text();
      if (script.origin() == ScriptOrigin.EXTRACTIVE && LEANS_BACK.matcher(first).find()) {
        leaningOpenings++;
        problems.add(input + ": opens on a sentence that leans back: " + first);
      }
      List<String> texts = script.beats().stream().map(Beat::text).toList();
      BeatNarration.Spoken spoken =
          BeatNarration.speak(
              speech,
              texts,
              Optional.empty(),
              dir.resolve("cache"),
              dir.resolve(input.name() + ".wav"),
              () -> false);
      int w = 0;
      for (int b = 0; b < texts.size(); b++) {
        String text = texts.get(b);
        beats++;
        if (script.origin() != ScriptOrigin.EXTRACTIVE || prose.contains(spaces(text))) {
          exactBeats++;
        } else {
          problems.add(input + ": beat not in the author's words: " + text);
        }
        if (MARKUP.matcher(text).find()) {
          markupBeats++;
          problems.add(input + ": markup or code in: " + text);
        }
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < spoken.wordsPerBeat().get(b); i++, w++) {
          WordTiming word = spoken.words().get(w);
          captions.add(word.text());
          captionWords++;
          if (text.contains(word.text())) {
            writtenCaptionWords++;
          } else {
            problems.add(input + ": caption '" + word.text() + "' is not in: " + text);
          }
        }
        if (!letters(String.join(" ", captions)).equals(letters(text))) {
          problems.add(input + ": captions " + captions + " do not read as: " + text);
        }
      }
      assertThat(spoken.spokenText()).as(input.name()).doesNotContainPattern(MARKUP.pattern());
    }
    System.out.printf(
        Locale.ROOT,
        "corpus: %d inputs, %d beats; beats in the author's exact words %d/%d; caption words that"
            + " are written words %d/%d; titles cut short %d; openings leaning back %d; beats with"
            + " markup %d; hooks laid out %d, shortened at a phrase boundary %d, cut with an"
            + " ellipsis 0%n",
        inputs,
        beats,
        exactBeats,
        beats,
        writtenCaptionWords,
        captionWords,
        truncatedTitles,
        leaningOpenings,
        markupBeats,
        hooks,
        shortenedHooks);
    assertThat(inputs).isGreaterThanOrEqualTo(20);
    assertThat(problems).isEmpty();
  }

  private static String spaces(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  /** Letters and digits only, lower case: how captions and beats are compared, normalised. */
  private static String letters(String text) {
    return TextNormalizer.clean(text).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }
}

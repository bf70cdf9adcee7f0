package dev.reelforge.providers.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.speech.SpeechRequest;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.core.speech.WordTiming;
import dev.reelforge.testkit.speech.SpeechSynthesizerContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaryTtsSpeechTest extends SpeechSynthesizerContract {

  private static final MaryTtsSpeech MARY = new MaryTtsSpeech();

  @Override
  protected SpeechSynthesizer synthesizer() {
    return MARY;
  }

  /** Captions end a page at a sentence's end, which they can only see in the punctuation. */
  @Test
  void wordsKeepTheTextsPunctuation(@TempDir Path dir) {
    assertThat(
            MARY.synthesize(
                    SpeechRequest.of("The tide rises. Nobody stops it!"), dir.resolve("p.wav"))
                .words())
        .extracting(WordTiming::text)
        .containsExactly("The", "tide", "rises.", "Nobody", "stops", "it!");
  }
}

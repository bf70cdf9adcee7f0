package dev.reelforge.providers.speech;

import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.testkit.speech.SpeechSynthesizerContract;

class MaryTtsSpeechTest extends SpeechSynthesizerContract {

  private static final MaryTtsSpeech MARY = new MaryTtsSpeech();

  @Override
  protected SpeechSynthesizer synthesizer() {
    return MARY;
  }
}

/**
 * Speech: the {@link dev.reelforge.core.speech.SpeechSynthesizer} port (text to audio with the time
 * of every word, which captions need) and the text normalisation every engine gets first.
 */
package dev.reelforge.core.speech;

/**
 * Speech: the {@link dev.reelforge.core.speech.SpeechSynthesizer} port (text to audio with the time
 * of every word, which captions need), the text normalisation every engine gets first, and the way
 * back from spoken words to the author's written ones ({@link
 * dev.reelforge.core.speech.WrittenWords}) that captions show.
 */
package dev.reelforge.core.speech;

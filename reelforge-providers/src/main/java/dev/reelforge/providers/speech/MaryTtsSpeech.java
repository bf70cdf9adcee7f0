package dev.reelforge.providers.speech;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.speech.SpeechRequest;
import dev.reelforge.core.speech.SpeechSynthesizer;
import dev.reelforge.core.speech.SynthesizedSpeech;
import dev.reelforge.core.speech.TextNormalizer;
import dev.reelforge.core.speech.Voice;
import dev.reelforge.core.speech.WordTiming;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import marytts.LocalMaryInterface;
import marytts.MaryInterface;
import marytts.exceptions.MaryConfigurationException;
import marytts.exceptions.SynthesisException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The offline voice: MaryTTS 5.2 running in this process with the {@code cmu-slt-hsmm} English
 * voice, both from Maven Central. Word times come from MaryTTS's own acoustic parameters (output
 * type {@code REALISED_ACOUSTPARAMS}): the durations of every phone and pause it realises, summed
 * in order, which is exactly how the audio is laid out ({@link MaryTimings}). They are then put
 * onto the text's own words ({@link EngineWords}), so captions keep its punctuation and can end a
 * page at the end of a sentence.
 */
public final class MaryTtsSpeech implements SpeechSynthesizer {

  public static final String NAME = "marytts";

  /** Starting MaryTTS loads its voice and lexicons (about two seconds); done once per process. */
  private static final Object START = new Object();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SynthesizedSpeech synthesize(SpeechRequest request, Path output) {
    String spoken = TextNormalizer.normalize(request.text());
    if (spoken.isBlank()) {
      throw ReelForgeException.invalidField(
          "text", "has nothing to say once emoji and symbols are removed");
    }
    MaryInterface mary = mary();
    request.voice().ifPresent(mary::setVoice);
    boolean prosody = request.rate() != 1.0 || request.pitchSemitones() != 0;
    try {
      Document acoustics;
      AudioInputStream audio;
      if (prosody) {
        // SSML is given to MaryTTS as a document, not a string.
        mary.setInputType("SSML");
        mary.setOutputType("REALISED_ACOUSTPARAMS");
        String ssml = ssml(spoken, request);
        acoustics = mary.generateXML(parse(ssml));
        mary.setOutputType("AUDIO");
        audio = mary.generateAudio(parse(ssml));
      } else {
        mary.setInputType("TEXT");
        mary.setOutputType("REALISED_ACOUSTPARAMS");
        acoustics = mary.generateXML(spoken);
        mary.setOutputType("AUDIO");
        audio = mary.generateAudio(spoken);
      }
      List<WordTiming> words = MaryTimings.words(acoustics);
      long durationMillis =
          Math.round(audio.getFrameLength() * 1000.0 / audio.getFormat().getFrameRate());
      write(audio, output);
      return new SynthesizedSpeech(
          output,
          durationMillis,
          MaryTimings.within(EngineWords.onText(spoken, words), durationMillis),
          spoken,
          NAME + "/" + mary.getVoice());
    } catch (SynthesisException | IllegalArgumentException e) {
      throw new ReelForgeException(
          ErrorCode.TTS_FAILED, "MaryTTS could not speak the text: " + e.getMessage(), e);
    }
  }

  private static String ssml(String text, SpeechRequest request) {
    long rate = Math.round((request.rate() - 1) * 100);
    long pitch = Math.round((Math.pow(2, request.pitchSemitones() / 12) - 1) * 100);
    String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return String.format(
        Locale.ROOT,
        "<?xml version=\"1.0\"?><speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\""
            + " xml:lang=\"en-US\"><prosody rate=\"%+d%%\" pitch=\"%+d%%\">%s</prosody></speak>",
        rate,
        pitch,
        escaped);
  }

  private static Document parse(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
      return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalArgumentException("the SSML for MaryTTS is not well formed", e);
    }
  }

  private static MaryInterface mary() {
    try {
      synchronized (START) {
        // The first instance starts MaryTTS; later ones share the running engine.
        return new LocalMaryInterface();
      }
    } catch (MaryConfigurationException e) {
      throw new ReelForgeException(
          ErrorCode.TTS_FAILED, "MaryTTS did not start: " + e.getMessage(), e);
    }
  }

  private static void write(AudioInputStream audio, Path output) {
    try {
      Path parent = output.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temp = Files.createTempFile(parent, ".speech-", ".wav");
      try {
        AudioSystem.write(audio, AudioFileFormat.Type.WAVE, temp.toFile());
        Files.move(
            temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one voice that ships with the engine here. */
  @Override
  public List<Voice> voices() {
    return java.util.List.of(
        new dev.reelforge.core.speech.Voice(
            NAME, "cmu-slt-hsmm", "en-US", "SLT, US English (female)"));
  }
}

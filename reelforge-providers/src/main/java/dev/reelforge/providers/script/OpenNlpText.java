package dev.reelforge.providers.script;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.script.StoryLimits;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * English sentences, tokens and parts of speech with the OpenNLP 1.5 maxent models (on the class
 * path from Maven). The models load once and are shared; the OpenNLP tools are not thread-safe, so
 * each analysis makes its own (cheap) instances.
 */
final class OpenNlpText {

  private static volatile Models models;

  /** A sentence with its tokens and their tags (Penn Treebank). */
  record Sentence(String text, List<String> tokens, List<String> tags) {

    /** The nouns (common and proper), in order. */
    List<String> nouns() {
      List<String> nouns = new ArrayList<>();
      for (int i = 0; i < tokens.size(); i++) {
        if (tags.get(i).startsWith("NN") && tokens.get(i).length() > 2) {
          nouns.add(tokens.get(i));
        }
      }
      return nouns;
    }
  }

  private OpenNlpText() {}

  static List<Sentence> analyse(String text) {
    Models loaded = models();
    SentenceDetectorME detector = new SentenceDetectorME(loaded.sentences);
    TokenizerME tokenizer = new TokenizerME(loaded.tokens);
    POSTaggerME tagger = new POSTaggerME(loaded.pos);
    List<Sentence> sentences = new ArrayList<>();
    for (String paragraph : text.split("\\n\\s*\\n|\\r?\\n(?=\\s*[-•*]\\s)")) {
      for (String raw : detector.sentDetect(paragraph.replaceAll("\\s+", " ").strip())) {
        for (String sentence : Clauses.fit(raw.strip(), StoryLimits.MAX_BEAT_CHARS)) {
          String[] tokens = tokenizer.tokenize(sentence);
          String[] tags = tagger.tag(tokens);
          sentences.add(new Sentence(sentence, List.of(tokens), List.of(tags)));
        }
      }
    }
    return sentences;
  }

  private static Models models() {
    Models loaded = models;
    if (loaded == null) {
      synchronized (OpenNlpText.class) {
        loaded = models;
        if (loaded == null) {
          try (InputStream sentences = open("/en-sent.bin");
              InputStream tokens = open("/en-token.bin");
              InputStream pos = open("/en-pos-maxent.bin")) {
            loaded =
                new Models(
                    new SentenceModel(sentences), new TokenizerModel(tokens), new POSModel(pos));
          } catch (IOException e) {
            throw new ReelForgeException(
                ErrorCode.INTERNAL_ERROR, "the OpenNLP English models could not be read", e);
          }
          models = loaded;
        }
      }
    }
    return loaded;
  }

  private static InputStream open(String resource) {
    InputStream in = OpenNlpText.class.getResourceAsStream(resource);
    if (in == null) {
      throw new ReelForgeException(
          ErrorCode.INTERNAL_ERROR,
          "the OpenNLP model " + resource + " is missing from the class path");
    }
    return in;
  }

  private record Models(SentenceModel sentences, TokenizerModel tokens, POSModel pos) {}
}

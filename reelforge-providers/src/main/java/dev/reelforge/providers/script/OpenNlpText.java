package dev.reelforge.providers.script;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.ingest.Sentences;
import dev.reelforge.core.script.StoryLimits;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * English sentences with their tokens and parts of speech. Sentences come from core's {@link
 * Sentences} (exactly the author's text, which OpenNLP's statistical splitter does not promise: it
 * broke "e.g." and "p.m."), cut into {@link Clauses} when longer than a beat; tokens and tags from
 * the OpenNLP 1.5 maxent models (on the class path from Maven). The models load once and are
 * shared; the OpenNLP tools are not thread-safe, so each analysis makes its own (cheap) instances.
 */
final class OpenNlpText {

  private static volatile Models models;

  /**
   * A sentence, or a clause of a long one, with its tokens and their tags (Penn Treebank).
   *
   * @param continuation a clause after the first of its sentence: it reads only after the one
   *     before
   * @param continued a clause followed by the rest of its sentence: it does not end a thought
   */
  record Sentence(
      String text,
      List<String> tokens,
      List<String> tags,
      boolean continuation,
      boolean continued) {

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
    TokenizerME tokenizer = new TokenizerME(loaded.tokens);
    POSTaggerME tagger = new POSTaggerME(loaded.pos);
    List<Sentence> sentences = new ArrayList<>();
    for (String whole : Sentences.split(text)) {
      List<String> clauses = Clauses.fit(whole, StoryLimits.MAX_BEAT_CHARS);
      for (int c = 0; c < clauses.size(); c++) {
        String clause = clauses.get(c);
        String[] tokens = tokenizer.tokenize(clause);
        String[] tags = tagger.tag(tokens);
        sentences.add(
            new Sentence(clause, List.of(tokens), List.of(tags), c > 0, c < clauses.size() - 1));
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
          try (InputStream tokens = open("/en-token.bin");
              InputStream pos = open("/en-pos-maxent.bin")) {
            loaded = new Models(new TokenizerModel(tokens), new POSModel(pos));
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

  private record Models(TokenizerModel tokens, POSModel pos) {}
}

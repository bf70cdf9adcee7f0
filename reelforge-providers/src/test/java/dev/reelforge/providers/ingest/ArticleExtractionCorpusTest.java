package dev.reelforge.providers.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Measures article extraction on Mozilla Readability's test pages (copied into {@code
 * src/test/corpus/readability}, Apache-2.0): for each page, token F1 of our extracted text against
 * the text of the expected article. Prints the mean and the worst pages, and holds the mean at 0.85
 * or better.
 */
class ArticleExtractionCorpusTest {

  private static final Path CORPUS = Path.of("src/test/corpus/readability");

  record Score(String page, TokenF1 score) {}

  @Test
  void meanTokenF1OnTheReadabilityCorpusIsAtLeast085() throws IOException {
    ArticleExtractor extractor = new ArticleExtractor();
    List<Score> scores = new ArrayList<>();
    try (Stream<Path> pages = Files.list(CORPUS)) {
      for (Path page :
          pages.filter(p -> Files.exists(p.resolve("source.html"))).sorted().toList()) {
        String source = Files.readString(page.resolve("source.html"));
        String expected = Jsoup.parse(Files.readString(page.resolve("expected.html"))).text();
        String url = "http://fakehost/test/" + page.getFileName() + "/";
        String extracted = extractor.fromHtml(source, url).text();
        scores.add(new Score(page.getFileName().toString(), TokenF1.of(extracted, expected)));
      }
    }
    double mean = scores.stream().mapToDouble(s -> s.score().f1()).average().orElse(0);
    double precision = scores.stream().mapToDouble(s -> s.score().precision()).average().orElse(0);
    double recall = scores.stream().mapToDouble(s -> s.score().recall()).average().orElse(0);
    System.out.printf(
        "article extraction on %d pages: mean F1 %.3f (precision %.3f, recall %.3f)%n",
        scores.size(), mean, precision, recall);
    scores.stream()
        .sorted(Comparator.comparingDouble(s -> s.score().f1()))
        .limit(5)
        .forEach(
            s ->
                System.out.printf(
                    "  worst: %-28s F1 %.3f (P %.3f, R %.3f)%n",
                    s.page(), s.score().f1(), s.score().precision(), s.score().recall()));
    assertThat(scores).hasSizeGreaterThanOrEqualTo(40);
    assertThat(mean).isGreaterThanOrEqualTo(0.85);
  }
}

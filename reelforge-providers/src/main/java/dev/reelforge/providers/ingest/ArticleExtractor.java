package dev.reelforge.providers.ingest;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.ingest.Article;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Keeps a page's article and drops the page around it (navigation, ads, comments, footers), with
 * Mozilla's Readability algorithm (readability4j). Plain-text pages are taken as they are. The
 * result is text in paragraphs, which is what a script writer reads.
 */
public final class ArticleExtractor {

  /** Fewer characters than this is a cookie wall or a stub, not an article. */
  public static final int MIN_ARTICLE_CHARS = 200;

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "header",
          "footer",
          "aside",
          "blockquote",
          "pre",
          "li",
          "ul",
          "ol",
          "dl",
          "dt",
          "dd",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "tr",
          "table",
          "figure",
          "figcaption",
          "br",
          "hr");

  /**
   * @throws ReelForgeException INGEST_FAILED when no article of at least {@link #MIN_ARTICLE_CHARS}
   *     characters is found
   */
  public Article extract(FetchedPage page) {
    Article article = page.isHtml() ? fromHtml(page) : fromText(page);
    if (article.text().length() < MIN_ARTICLE_CHARS) {
      throw new ReelForgeException(
          ErrorCode.INGEST_FAILED,
          "no article found at "
              + page.url()
              + " (only "
              + article.text().length()
              + " characters of text); paste the text instead");
    }
    return article;
  }

  /** The article in an HTML document, for the corpus measurements and for fetched pages. */
  public Article fromHtml(String html, String url) {
    return read(Jsoup.parse(html, url), url);
  }

  private Article fromHtml(FetchedPage page) {
    try {
      Document document =
          Jsoup.parse(
              new ByteArrayInputStream(page.body()), page.charset().orElse(null), page.url());
      return read(document, page.url());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Article read(Document document, String url) {
    net.dankito.readability4j.Article parsed = new Readability4J(url, document).parse();
    Element content = parsed.getArticleContent();
    String text = content == null ? "" : paragraphs(content);
    String title = parsed.getTitle() == null ? "" : parsed.getTitle().strip();
    Optional<String> byline =
        Optional.ofNullable(parsed.getByline()).map(String::strip).filter(b -> !b.isEmpty());
    return new Article(url, title, text, byline);
  }

  private static Article fromText(FetchedPage page) {
    Charset charset =
        page.charset()
            .filter(Charset::isSupported)
            .map(Charset::forName)
            .orElse(StandardCharsets.UTF_8);
    String text = new String(page.body(), charset).replace("\r\n", "\n").strip();
    String title = text.lines().findFirst().orElse("").strip();
    return new Article(page.url(), title.length() <= 120 ? title : "", text, Optional.empty());
  }

  /** The element's text, one paragraph per block element, spaces collapsed inside each. */
  static String paragraphs(Element root) {
    List<String> paragraphs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
              current.append(text.getWholeText());
            } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
              flush(current, paragraphs);
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
              flush(current, paragraphs);
            }
          }
        },
        root);
    flush(current, paragraphs);
    return String.join("\n\n", paragraphs);
  }

  private static void flush(StringBuilder current, List<String> paragraphs) {
    String paragraph = current.toString().replaceAll("[\\s\\u00a0]+", " ").strip();
    if (!paragraph.isEmpty()) {
      paragraphs.add(paragraph);
    }
    current.setLength(0);
  }
}

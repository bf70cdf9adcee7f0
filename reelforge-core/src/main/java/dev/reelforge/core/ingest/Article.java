package dev.reelforge.core.ingest;

import java.util.Objects;
import java.util.Optional;

/**
 * The readable content of a web page.
 *
 * @param url where the article was finally read from (after redirects)
 * @param title the article's title, or empty when the page has none
 * @param text the article's text, paragraphs separated by blank lines
 * @param byline the author line, when the page names one
 */
public record Article(String url, String title, String text, Optional<String> byline) {

  public Article {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    byline = Objects.requireNonNullElse(byline, Optional.empty());
  }
}

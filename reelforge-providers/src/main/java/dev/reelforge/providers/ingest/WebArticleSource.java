package dev.reelforge.providers.ingest;

import dev.reelforge.core.ingest.Article;
import dev.reelforge.core.ingest.ArticleSource;

/** Reads articles from the web: a guarded fetch, then extraction. */
public final class WebArticleSource implements ArticleSource {

  private final GuardedFetcher fetcher;
  private final ArticleExtractor extractor;

  public WebArticleSource(GuardedFetcher fetcher, ArticleExtractor extractor) {
    this.fetcher = fetcher;
    this.extractor = extractor;
  }

  /** Public addresses only, default limits. */
  public static WebArticleSource forUsers() {
    return new WebArticleSource(GuardedFetcher.forUsers(), new ArticleExtractor());
  }

  @Override
  public Article read(String url) {
    return extractor.extract(fetcher.fetch(url));
  }
}

package dev.reelforge.core.ingest;

/** Reads the article at a link. */
public interface ArticleSource {

  /**
   * Fetches {@code url} and extracts its article.
   *
   * @throws dev.reelforge.core.error.ReelForgeException INVALID_INPUT for a link that may not be
   *     fetched (scheme, address, credentials), EXTERNAL_API_ERROR / EXTERNAL_API_TIMEOUT when the
   *     site fails or is too slow, INGEST_FAILED when the page holds no readable article
   */
  Article read(String url);
}

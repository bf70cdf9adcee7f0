/**
 * Reading articles from links: {@link dev.reelforge.providers.ingest.GuardedFetcher} fetches a page
 * without letting the link reach our own network (SSRF), {@link
 * dev.reelforge.providers.ingest.ArticleExtractor} keeps the article and drops the page around it.
 */
package dev.reelforge.providers.ingest;

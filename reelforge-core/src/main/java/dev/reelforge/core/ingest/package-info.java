/**
 * Ingest: turning a link into text a script can be written from. The port ({@link
 * dev.reelforge.core.ingest.ArticleSource}) lives here; fetching and extraction are adapters.
 */
package dev.reelforge.core.ingest;

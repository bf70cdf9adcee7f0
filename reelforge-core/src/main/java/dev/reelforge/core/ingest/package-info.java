/**
 * Ingest: turning what a user hands over into text a script can be written from. A link is read
 * through the {@link dev.reelforge.core.ingest.ArticleSource} port (fetching and extraction are
 * adapters); text of any kind — plain, Markdown, an HTML fragment — is made speakable by {@link
 * dev.reelforge.core.ingest.TextIngest}, and {@link dev.reelforge.core.ingest.Sentences} splits
 * prose into sentences that are exactly the author's.
 */
package dev.reelforge.core.ingest;

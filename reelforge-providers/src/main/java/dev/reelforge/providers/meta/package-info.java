/**
 * What the Instagram and Facebook publishers share of Meta's Graph API: the client ({@link
 * dev.reelforge.providers.meta.GraphClient}: versioned paths, the account's token per call, writes
 * sent once), the error envelope read onto the error taxonomy ({@link
 * dev.reelforge.providers.meta.GraphErrors}) and the rolling 24-hour publishing caps ({@link
 * dev.reelforge.providers.meta.PublishingWindow}).
 */
package dev.reelforge.providers.meta;

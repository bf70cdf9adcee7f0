/**
 * Publishing to TikTok with the Content Posting API (direct post, or upload to the creator's inbox
 * as a draft). {@link dev.reelforge.providers.tiktok.TikTokFactory} builds the publisher from
 * validated {@link dev.reelforge.providers.tiktok.TikTokOptions}.
 */
package dev.reelforge.providers.tiktok;

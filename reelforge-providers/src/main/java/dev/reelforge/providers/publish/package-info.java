/**
 * Publishing shared by the platform adapters and the offline target: the local publish folder
 * (SPEC.md's default target, {@link dev.reelforge.providers.publish.FolderPublisher}); {@code
 * PlatformHttp}, which hands a publisher every status (YouTube's 308, TikTok's 206) and never
 * retries in-line — the job engine retries and the next call resumes the saved session; and {@code
 * FileRanges}, byte ranges of a file for chunked uploads. The platform publishers are in their
 * vendors' packages ({@code providers.youtube}, {@code providers.tiktok}, {@code
 * providers.instagram}, {@code providers.facebook}).
 */
package dev.reelforge.providers.publish;

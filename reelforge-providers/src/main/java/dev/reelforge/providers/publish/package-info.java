/**
 * What the publishing platforms' adapters share: {@link
 * dev.reelforge.providers.publish.PlatformHttp} (every call answered with its status, for a
 * resumable upload reads statuses the generic client treats as failures) and {@link
 * dev.reelforge.providers.publish.FileRanges} (one chunk of the video read from disk).
 */
package dev.reelforge.providers.publish;

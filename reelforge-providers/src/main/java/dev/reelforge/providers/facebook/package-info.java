/**
 * Facebook Reels on a Page through the Graph API's {@code video_reels}: an upload session, the
 * bytes sent to the upload host in resumable chunks, the finish phase that publishes, and the
 * processing polled until the reel is live. {@link
 * dev.reelforge.providers.facebook.FacebookFactory} builds the publisher from validated {@link
 * dev.reelforge.providers.facebook.FacebookOptions}.
 */
package dev.reelforge.providers.facebook;

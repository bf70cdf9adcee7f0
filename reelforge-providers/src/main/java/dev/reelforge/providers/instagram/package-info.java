/**
 * Instagram Reels through the Instagram Graph API's content publishing: a container that Instagram
 * fills by fetching the video from a public URL, polled until it is ready, then published once.
 * {@link dev.reelforge.providers.instagram.InstagramFactory} builds the publisher from validated
 * {@link dev.reelforge.providers.instagram.InstagramOptions}.
 */
package dev.reelforge.providers.instagram;

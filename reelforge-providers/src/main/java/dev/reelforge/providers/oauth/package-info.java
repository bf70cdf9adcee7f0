/**
 * The platforms' OAuth 2 authorization servers (Google for YouTube, TikTok, Meta for Instagram and
 * Facebook) as {@link dev.reelforge.core.publish.accounts.PlatformOAuth}: authorization URLs with
 * state and PKCE (S256) where the platform takes it, code exchange with the account's identity,
 * refresh and revocation, over {@link dev.reelforge.providers.http}.
 */
package dev.reelforge.providers.oauth;

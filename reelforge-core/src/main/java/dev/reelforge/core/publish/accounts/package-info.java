/**
 * Connected platform accounts (seed 002): the OAuth 2 authorization-code flow that connects a
 * YouTube, TikTok, Instagram or Facebook account ({@link
 * dev.reelforge.core.publish.accounts.AccountConnections}), its tokens sealed at rest ({@link
 * dev.reelforge.core.publish.accounts.TokenSealer}) and refreshed before they expire ({@link
 * dev.reelforge.core.publish.accounts.TokenKeeper}, the {@link
 * dev.reelforge.core.publish.AccountAccess} publishing calls), over the {@link
 * dev.reelforge.core.publish.accounts.PlatformAccountStore} port and the platforms' {@link
 * dev.reelforge.core.publish.accounts.PlatformOAuth}.
 */
package dev.reelforge.core.publish.accounts;

/**
 * Platform accounts in the app: the {@code reelforge.publish.accounts.*} settings, the beans
 * ({@code accountAccess} is the {@link dev.reelforge.core.publish.AccountAccess} publishing uses),
 * the {@code /api/platform-accounts} routes and the dashboard page {@code /ui/accounts/platforms}.
 */
package dev.reelforge.app.publish.accounts;

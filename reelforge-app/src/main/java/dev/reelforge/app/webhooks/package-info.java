/**
 * Webhooks: users' endpoints, the dispatcher that turns run outcomes into signed deliveries and
 * retries them with backoff, and the routes that manage them and show the delivery log.
 */
package dev.reelforge.app.webhooks;

/** Webhooks: users' endpoints told of their runs' outcomes, with a durable delivery log. */
package dev.reelforge.core.webhooks;

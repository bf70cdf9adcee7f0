/**
 * Live run events: one poller per node reads the committed event log in commit order ({@link
 * dev.reelforge.core.jobs.spi.RunEventFeed}) and fans it out to the streams open on this node (SSE
 * and WebSocket). A stream first catches up from the log (from its {@code Last-Event-ID}), then
 * follows the poller, so events produced on any node reach it and a reconnect loses nothing.
 */
package dev.reelforge.app.events;

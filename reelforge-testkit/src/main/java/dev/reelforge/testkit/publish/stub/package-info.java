/**
 * Stateful stubs of the publishing platforms' documented HTTP APIs over {@link
 * dev.reelforge.testkit.stub.StubHttpServer}: YouTube's resumable upload, TikTok's Content Posting
 * API, Instagram's and Facebook's Graph API publishing, and the platforms' OAuth 2 endpoints, with
 * their checks, error envelopes and limits, faults switched on for a given chunk or the next so
 * many calls (a 503, a connection dropped mid-chunk, an expired session, a spent quota), and the
 * counters a test reads — above all how many videos were created, the number that proves nothing
 * was posted twice.
 */
package dev.reelforge.testkit.publish.stub;

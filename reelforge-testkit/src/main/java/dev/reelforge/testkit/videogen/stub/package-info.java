/**
 * Stateful stubs of the video vendors' documented APIs (Kling, Luma, Runway, Google Veo) over
 * {@link dev.reelforge.testkit.stub.StubHttpServer}, for adapter tests and the application's:
 * authentication checked as the vendor does, request checks with the vendor's error shape, jobs
 * that advance per poll, result clips from {@link dev.reelforge.testkit.videogen.StubClips}, and
 * failures switched on for the next so many submissions or jobs.
 */
package dev.reelforge.testkit.videogen.stub;

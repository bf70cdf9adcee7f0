/**
 * Stubs of the cloud video engines' documented protocols over {@link
 * dev.reelforge.testkit.stub.StubHttpServer}, with switchable failures, for the adapters' tests and
 * the application's.
 */
package dev.reelforge.testkit.videogen.stub;

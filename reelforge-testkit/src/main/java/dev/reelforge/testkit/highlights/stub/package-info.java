/**
 * A stub of an OpenAI-compatible chat completions server that ranks highlight candidates, with the
 * flawed answers a model can give switched on for the next call.
 */
package dev.reelforge.testkit.highlights.stub;

/**
 * Clip sources, candidates, exports and uploads in this process's memory, for the command line's
 * in-process engine; held to the same testkit contract as the PostgreSQL store.
 */
package dev.reelforge.core.clips.memory;

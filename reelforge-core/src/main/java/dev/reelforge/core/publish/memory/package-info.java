/**
 * Publications and the quota ledger in this process's memory, for the command line's in-process
 * engine; held to the same testkit contracts as the PostgreSQL stores.
 */
package dev.reelforge.core.publish.memory;

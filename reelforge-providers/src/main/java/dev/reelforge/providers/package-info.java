/**
 * AI, stock-media and publishing adapters with their offline defaults. Each adapter implements a
 * port of {@code reelforge-core}; none is registered yet, so {@code doctor} reports an empty list.
 */
package dev.reelforge.providers;

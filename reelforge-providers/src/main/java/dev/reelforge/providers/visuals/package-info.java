/** What the stock-media vendors share: bringing a chosen candidate to disk. */
package dev.reelforge.providers.visuals;

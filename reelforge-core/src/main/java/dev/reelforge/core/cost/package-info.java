/** Metering of provider calls: records, estimates and a per-run ledger. */
package dev.reelforge.core.cost;

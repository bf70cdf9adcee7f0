/**
 * The long video → clips feature on PostgreSQL (V15): sources, candidates, exports and resumable
 * uploads.
 */
package dev.reelforge.postgres.clips;

/**
 * Idempotent requests: a client repeats a request that creates work with the same key and gets the
 * first answer back instead of a second piece of work (SPEC §3, seed 000's X-Idempotency-Key).
 */
package dev.reelforge.core.idempotency;

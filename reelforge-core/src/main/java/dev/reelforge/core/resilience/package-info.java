/**
 * Resilience shared by the adapters and the features: the circuit breaker of seed 001 §6.4, used
 * per provider by the HTTP client and per engine by the video jobs' routing.
 */
package dev.reelforge.core.resilience;

/**
 * The video engines' routing (seed 001 §6): which engine a job asks first and which next when it
 * fails ({@link dev.reelforge.mediagen.engines.FallbackChains}), how often and how long each engine
 * is retried and waited for ({@link dev.reelforge.mediagen.engines.RetryProfile}), a circuit
 * breaker per engine, and what an engine's error means for the user ({@link
 * dev.reelforge.mediagen.engines.ProductionError}); all held by {@link
 * dev.reelforge.mediagen.engines.VideoEngines}. Knows no job engine: the video pipeline drives it.
 */
package dev.reelforge.mediagen.engines;

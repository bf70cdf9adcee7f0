/**
 * The media generation feature (seed 004 §4–8, seed 001 §6): image and video jobs as runs of the
 * job engine, the video engines' routing with fallback chains, circuit breakers and retry profiles,
 * the jobs' storage keys and cost estimates. Framework-free, over core's ports.
 */
package dev.reelforge.mediagen;

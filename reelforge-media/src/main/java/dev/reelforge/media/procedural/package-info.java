/**
 * Procedural visuals: designed backgrounds (gradients, soft shapes, flow fields, typography cards,
 * geometric tiles) from curated palettes, as a visual source and an offline image generator.
 */
package dev.reelforge.media.procedural;

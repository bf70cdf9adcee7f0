/**
 * Procedural visuals: pictures about a beat composed from bundled icons that match its words
 * ({@code icons}: the icon set, its index and how relevance is judged), typography cards of the
 * beat's key phrase, and abstract designs (gradients, soft shapes, flow fields, geometric tiles)
 * from curated palettes; as a visual source and an offline image generator.
 */
package dev.reelforge.media.procedural;

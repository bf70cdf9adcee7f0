/**
 * The brand director (seed 001): a brand image is analysed ({@link
 * dev.reelforge.brand.BrandPipelines#ANALYSIS_KIND}), a director writes a storyboard with previews
 * that a person reviews scene by scene (GREEN, YELLOW, RED), and only then are the scenes produced
 * by video engines and assembled into finished videos ({@link
 * dev.reelforge.brand.BrandPipelines#STORYBOARD_KIND}). {@link dev.reelforge.brand.BrandDirector}
 * is what routes call.
 */
package dev.reelforge.brand;

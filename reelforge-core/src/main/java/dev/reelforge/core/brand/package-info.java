/**
 * The brand director's ports (seed 001): what looks at a brand image ({@link
 * dev.reelforge.core.brand.BrandAnalyzer}), what cleans it into a style reference ({@link
 * dev.reelforge.core.brand.StyleReferencer}), what writes and revises a storyboard ({@link
 * dev.reelforge.core.brand.Director}) and where vision jobs and storyboards live ({@link
 * dev.reelforge.core.brand.BrandStore}). The feature itself is the {@code reelforge-brand} module.
 */
package dev.reelforge.core.brand;

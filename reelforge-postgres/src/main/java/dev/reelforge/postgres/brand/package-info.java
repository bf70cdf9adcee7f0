/**
 * The brand director's vision jobs, storyboards and style presets on PostgreSQL (tables {@code
 * vision_job}, {@code director_storyboard}, {@code style_preset}, V11).
 */
package dev.reelforge.postgres.brand;

/**
 * The brand director's routes and their helpers (seed 001): {@link
 * dev.reelforge.app.brand.BrandUploads} checks an uploaded brand picture (type by magic bytes,
 * size, safe name, SHA-256, a time-limited FFmpeg decode into a normalised PNG).
 */
package dev.reelforge.app.brand;

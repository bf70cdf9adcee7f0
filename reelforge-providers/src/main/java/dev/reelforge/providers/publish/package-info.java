/**
 * The offline publisher: the local publish folder (SPEC.md's default target). The platform
 * publishers are in their vendors' packages ({@code providers.youtube}, {@code providers.tiktok},
 * {@code providers.instagram}, {@code providers.facebook}).
 */
package dev.reelforge.providers.publish;

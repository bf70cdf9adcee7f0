/**
 * Which implementation fills each provider role: {@link
 * dev.reelforge.core.providers.ProviderRegistry}.
 */
package dev.reelforge.core.providers;

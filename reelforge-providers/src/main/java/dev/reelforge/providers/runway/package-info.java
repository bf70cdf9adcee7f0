/**
 * Runway video generation over its task API. {@link dev.reelforge.providers.runway.RunwayFactory}
 * builds the adapter from validated {@link dev.reelforge.providers.runway.RunwayOptions}.
 */
package dev.reelforge.providers.runway;

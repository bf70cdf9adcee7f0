/**
 * ElevenLabs speech with character timestamps. {@link
 * dev.reelforge.providers.elevenlabs.ElevenLabsFactory} builds the adapter from validated {@link
 * dev.reelforge.providers.elevenlabs.ElevenLabsOptions}.
 */
package dev.reelforge.providers.elevenlabs;

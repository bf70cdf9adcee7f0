package dev.reelforge.core.speech;

/**
 * A voice an engine has installed, as a person picks it.
 *
 * @param engine the engine's name ({@code marytts}, {@code espeak-ng}, …)
 * @param id what {@link SpeechRequest#voice()} takes to use it
 * @param language its language as a tag ({@code en-US}, {@code de})
 * @param label how a person knows it ("English (America)")
 */
public record Voice(String engine, String id, String language, String label) {}

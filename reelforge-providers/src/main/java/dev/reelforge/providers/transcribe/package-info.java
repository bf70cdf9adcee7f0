/**
 * Speech to text with word times ({@link dev.reelforge.core.transcript.Transcriber}): the offline
 * default {@link dev.reelforge.providers.transcribe.Sphinx4Transcriber} (CMU Sphinx4 in the JVM,
 * the US English model shipped as a Maven artifact), {@link
 * dev.reelforge.providers.transcribe.PocketsphinxTranscriber} (Debian's {@code pocketsphinx}
 * program, when installed), and the cloud adapters for OpenAI's Whisper and AssemblyAI.
 */
package dev.reelforge.providers.transcribe;

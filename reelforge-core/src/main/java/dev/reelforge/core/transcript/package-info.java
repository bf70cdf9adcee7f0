/**
 * Transcripts with word times: the {@link dev.reelforge.core.transcript.Transcriber} port and the
 * records it answers, shared by the clips feature (and anything else that listens).
 */
package dev.reelforge.core.transcript;

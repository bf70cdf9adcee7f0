/**
 * Stubs of the speech-to-text vendors' documented HTTP APIs over {@link
 * dev.reelforge.testkit.stub.StubHttpServer}: OpenAI's audio transcriptions (Whisper, multipart,
 * the 25 MB cap) and AssemblyAI's upload → transcript → poll protocol, with their error envelopes
 * and faults switched on for the next so many calls. Both hear the audio they are sent through
 * {@link dev.reelforge.testkit.transcribe.ToneSpeech}, so word times in their answers come from
 * that audio.
 */
package dev.reelforge.testkit.transcribe.stub;

/** AssemblyAI's pre-recorded speech to text (upload, transcript, poll) as a transcriber. */
package dev.reelforge.providers.assemblyai;

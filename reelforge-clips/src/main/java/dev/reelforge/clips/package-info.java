/**
 * The long video → clips feature (seed 003): a long video's transcript, highlight candidates scored
 * from its words, loudness and scene changes, each candidate reframed to vertical around the
 * speaker's face, captioned from the transcript's words and exported through the render engine —
 * every step a stage of the job engine. Framework-free: the app implements the ports.
 */
package dev.reelforge.clips;

/**
 * Seed 000's story session API: a session holds the input, the script (one sentence per beat), the
 * shot plan with each beat's search results and chosen visual, and the last run's outputs. Finalize
 * hands a snapshot of it to the {@code story} pipeline on the job engine.
 */
package dev.reelforge.app.story.session;

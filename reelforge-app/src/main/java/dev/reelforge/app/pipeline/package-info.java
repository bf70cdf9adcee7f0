/**
 * Seed 002's pipeline routes ({@code /api/pipeline/start}, {@code status/{id}}, {@code stop/{id}})
 * as thin aliases of the story session and runs APIs: no pipeline of their own.
 */
package dev.reelforge.app.pipeline;

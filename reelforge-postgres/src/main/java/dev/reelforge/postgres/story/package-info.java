/** Story sessions on PostgreSQL (table {@code story_session}). */
package dev.reelforge.postgres.story;

/**
 * The story pipeline as one command: input → script → voice ‖ visuals → music → timeline → render →
 * manifest, each stage checkpointed in a work folder so that a stopped run resumes where it
 * stopped.
 */
package dev.reelforge.app.story;

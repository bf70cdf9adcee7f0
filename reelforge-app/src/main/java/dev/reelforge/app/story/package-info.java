/**
 * Assembly of the story feature for the {@code make} command: the story pipeline on an in-process
 * job engine (see {@code dev.reelforge.story.StoryMaker}). The session routes are in {@code
 * session}.
 */
package dev.reelforge.app.story;

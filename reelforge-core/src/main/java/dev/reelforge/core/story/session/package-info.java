/**
 * Story sessions: the editable state between seed 000's session routes (input, script, shot plan,
 * chosen visuals, last render), stored per owner as a JSON document.
 */
package dev.reelforge.core.story.session;

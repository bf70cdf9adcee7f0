/**
 * Scripts: the {@link dev.reelforge.core.script.ScriptWriter} port, seed 000's story limits, beats
 * with their visual keywords, and metadata for publishing.
 */
package dev.reelforge.core.script;

/**
 * Models as a managed layer (seed 003 AC6): {@link dev.reelforge.core.models.ModelRegistry} knows
 * every model a worker may load by role, name and version, warms each up once and reports how that
 * went.
 */
package dev.reelforge.core.models;

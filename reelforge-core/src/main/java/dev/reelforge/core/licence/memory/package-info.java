/** Licensing evidence in this process's memory, for the command line's in-process engine. */
package dev.reelforge.core.licence.memory;

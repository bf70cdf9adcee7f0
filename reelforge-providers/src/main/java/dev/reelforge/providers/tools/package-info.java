/** Running programs installed on this machine (speech engines, synthesizers) from providers. */
package dev.reelforge.providers.tools;

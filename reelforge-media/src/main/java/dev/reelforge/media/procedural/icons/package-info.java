/**
 * The icon set that ships in the build (Font Awesome Free, solid style: CC BY 4.0 icons, SIL OFL
 * 1.1 font) and the index that finds icons for a beat's words: stemmed names, search terms and
 * two-word phrases, a short synonym list, and a score that says how each icon was found.
 */
package dev.reelforge.media.procedural.icons;

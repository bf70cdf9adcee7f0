/** Image generation: the {@link dev.reelforge.core.imagegen.ImageGenerator} port. */
package dev.reelforge.core.imagegen;

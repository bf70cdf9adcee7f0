package dev.reelforge.media.archfixture.cycle.back;

import dev.reelforge.media.archfixture.cycle.Ping;

/** The other half of a deliberate package cycle. */
public class Pong {
  Ping ping;
}

package dev.reelforge.media.archfixture.cycle;

import dev.reelforge.media.archfixture.cycle.back.Pong;

/** One half of a deliberate package cycle, used only to prove that the cycle rule catches one. */
public class Ping {
  Pong pong;
}

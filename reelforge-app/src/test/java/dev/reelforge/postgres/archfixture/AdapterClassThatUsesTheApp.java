package dev.reelforge.postgres.archfixture;

import dev.reelforge.app.ReelForgeApplication;

/** A deliberate violation, used only to prove that the architecture rules catch one. */
public class AdapterClassThatUsesTheApp {
  ReelForgeApplication application;
}

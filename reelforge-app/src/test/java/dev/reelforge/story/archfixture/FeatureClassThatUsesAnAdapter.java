package dev.reelforge.story.archfixture;

import dev.reelforge.app.ReelForgeApplication;
import dev.reelforge.core.render.Renderer;
import dev.reelforge.media.render.RenderEngine;
import org.springframework.stereotype.Component;

/** A deliberate violation, used only to prove that the architecture rules catch one. */
@Component
public class FeatureClassThatUsesAnAdapter {
  RenderEngine engine;
  ReelForgeApplication application;
  // Allowed: a core port.
  Renderer renderer;
}

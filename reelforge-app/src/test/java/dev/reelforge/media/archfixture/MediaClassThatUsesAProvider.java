package dev.reelforge.media.archfixture;

import dev.reelforge.providers.http.ProviderHttp;

/** A deliberate violation, used only to prove that the architecture rules catch one. */
public class MediaClassThatUsesAProvider {
  ProviderHttp http;
}

package dev.reelforge.app.story;

import dev.reelforge.core.cost.CostRecorder;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.media.render.RenderEngine;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Assembles the story maker from the configured providers and the render engine. */
@Configuration(proxyBeanMethods = false)
class StoryConfiguration {

  @Bean
  StoryMaker storyMaker(
      ProviderRegistry providerRegistry, RenderEngine renderEngine, CostRecorder providerCosts) {
    StoryMaker.CostAttribution costs =
        providerCosts instanceof StoryMaker.CostAttribution attribution
            ? attribution
            : StoryMaker.CostAttribution.NONE;
    return new StoryMaker(providerRegistry, renderEngine, costs, Clock.systemUTC());
  }
}

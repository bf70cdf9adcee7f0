package dev.reelforge.app.story;

import dev.reelforge.core.cost.CostRecorder;
import dev.reelforge.core.ingest.ArticleSource;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.media.render.RenderEngine;
import dev.reelforge.providers.ingest.WebArticleSource;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Assembles the story maker from the configured providers and the render engine. */
@Configuration(proxyBeanMethods = false)
class StoryConfiguration {

  /** Reads users' links: public addresses only (the SSRF guard), bounded size and time. */
  @Bean
  ArticleSource articleSource() {
    return WebArticleSource.forUsers();
  }

  @Bean
  StoryMaker storyMaker(
      ProviderRegistry providerRegistry,
      ArticleSource articleSource,
      RenderEngine renderEngine,
      CostRecorder providerCosts) {
    return new StoryMaker(
        providerRegistry,
        articleSource,
        renderEngine,
        StoryMaker.CostAttribution.of(providerCosts),
        Clock.systemUTC());
  }
}

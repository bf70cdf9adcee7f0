package dev.reelforge.app.story;

import dev.reelforge.core.cost.CostAttribution;
import dev.reelforge.core.cost.CostRecorder;
import dev.reelforge.core.ingest.ArticleSource;
import dev.reelforge.core.jobs.memory.InMemoryJobStore;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.media.render.RenderEngine;
import dev.reelforge.providers.ingest.WebArticleSource;
import dev.reelforge.story.StoryMaker;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Assembles the {@code make} command's story maker: the story pipeline on an in-process job engine
 * over in-memory stores (no database), with the configured providers and the render engine.
 */
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
      CostRecorder providerCosts,
      Clock clock) {
    return new StoryMaker(
        providerRegistry,
        articleSource,
        renderEngine,
        CostAttribution.of(providerCosts),
        () -> {
          InMemoryJobStore store = new InMemoryJobStore(clock);
          return new StoryMaker.InProcessStores(
              store.runStore(), store.taskQueue(), Optional.of(store.workSignal()));
        },
        clock);
  }
}

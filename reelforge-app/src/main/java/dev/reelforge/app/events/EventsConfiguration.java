package dev.reelforge.app.events;

import dev.reelforge.core.jobs.RunEventFeed;
import dev.reelforge.postgres.jobs.PostgresRunEventFeed;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event feed and this node's hub, for servers only. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class EventsConfiguration {

  @Bean
  RunEventFeed runEventFeed(DataSource dataSource) {
    return new PostgresRunEventFeed(dataSource);
  }

  @Bean(destroyMethod = "close")
  EventHub eventHub(RunEventFeed feed, EventsSettings settings) {
    return new EventHub(feed, settings.getPollInterval(), settings.getHeartbeat());
  }
}

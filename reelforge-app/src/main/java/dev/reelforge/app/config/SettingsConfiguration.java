package dev.reelforge.app.config;

import dev.reelforge.app.cluster.NodeSettings;
import dev.reelforge.app.database.DatabaseSettings;
import dev.reelforge.app.events.EventsSettings;
import dev.reelforge.app.jobs.JobsSettings;
import dev.reelforge.app.security.LimitsSettings;
import dev.reelforge.app.security.SecuritySettings;
import dev.reelforge.app.web.IdempotencySettings;
import dev.reelforge.app.webhooks.WebhooksSettings;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the settings trees and the clock every component receives. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  JobsSettings.class,
  EventsSettings.class,
  WebhooksSettings.class,
  ServerSettings.class,
  NodeSettings.class,
  DatabaseSettings.class,
  IdempotencySettings.class,
  LimitsSettings.class,
  SecuritySettings.class,
  MediaSettings.class,
  StorageSettings.class,
  StorySettings.class,
  ModerationSettings.class
})
public class SettingsConfiguration {

  /** The one source of time; tests replace it with a settable clock. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}

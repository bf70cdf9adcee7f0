package dev.reelforge.app.moderation;

import dev.reelforge.app.config.ModerationSettings;
import dev.reelforge.app.security.Audit;
import dev.reelforge.core.moderation.ModerationPreferences;
import dev.reelforge.postgres.moderation.PostgresModerationPreferences;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Each user's moderation preference on PostgreSQL, and the one resolver of a run's choice. */
@Configuration(proxyBeanMethods = false)
public class ModerationPreferenceConfiguration {

  @Bean
  ModerationPreferences moderationPreferences(DataSource dataSource, Clock clock) {
    return new PostgresModerationPreferences(dataSource, clock);
  }

  @Bean
  ModerationChoices moderationChoices(
      ModerationPreferences preferences, ModerationSettings settings, Audit audit) {
    return new ModerationChoices(preferences, settings, audit);
  }
}

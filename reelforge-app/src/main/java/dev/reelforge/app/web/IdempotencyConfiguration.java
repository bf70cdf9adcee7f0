package dev.reelforge.app.web;

import dev.reelforge.app.cluster.UpkeepTask;
import dev.reelforge.app.config.IdempotencySettings;
import dev.reelforge.core.idempotency.IdempotencyStore;
import dev.reelforge.postgres.idempotency.PostgresIdempotencyStore;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Idempotency keys on PostgreSQL, checked by a filter in front of the API. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class IdempotencyConfiguration {

  @Bean
  IdempotencyStore idempotencyStore(DataSource dataSource, Clock clock) {
    return new PostgresIdempotencyStore(dataSource, clock);
  }

  @Bean
  FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
      IdempotencyStore store, IdempotencySettings settings) {
    FilterRegistrationBean<IdempotencyFilter> registration =
        new FilterRegistrationBean<>(new IdempotencyFilter(store, settings));
    registration.addUrlPatterns("/api/*");
    // After the request id, so that its errors carry one.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** Deletes expired keys every ten minutes, so the table holds only live ones. */
  @Bean
  UpkeepTask idempotencyPurge(IdempotencyStore store) {
    return new UpkeepTask(
        "idempotency-purge", Duration.ofMinutes(1), Duration.ofMinutes(10), store::purgeExpired);
  }
}

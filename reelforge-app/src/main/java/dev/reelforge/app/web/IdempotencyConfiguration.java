package dev.reelforge.app.web;

import dev.reelforge.app.cluster.UpkeepTask;
import dev.reelforge.core.idempotency.IdempotencyStore;
import dev.reelforge.postgres.idempotency.PostgresIdempotencyStore;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Idempotency keys on PostgreSQL; {@link FilterChainConfiguration} puts their filter in front of
 * the API.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class IdempotencyConfiguration {

  @Bean
  IdempotencyStore idempotencyStore(DataSource dataSource, Clock clock) {
    return new PostgresIdempotencyStore(dataSource, clock);
  }

  /** Deletes expired keys every ten minutes, so the table holds only live ones. */
  @Bean
  UpkeepTask idempotencyPurge(IdempotencyStore store) {
    return new UpkeepTask(
        "idempotency-purge", Duration.ofMinutes(1), Duration.ofMinutes(10), store::purgeExpired);
  }
}

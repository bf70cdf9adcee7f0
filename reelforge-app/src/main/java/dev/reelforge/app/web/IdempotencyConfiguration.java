package dev.reelforge.app.web;

import dev.reelforge.app.config.IdempotencySettings;
import dev.reelforge.core.idempotency.IdempotencyStore;
import dev.reelforge.postgres.idempotency.PostgresIdempotencyStore;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Idempotency keys on PostgreSQL, checked by a filter in front of the API. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class IdempotencyConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(IdempotencyConfiguration.class);

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
  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService idempotencyPurge(IdempotencyStore store) {
    ScheduledExecutorService purge =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("idempotency-purge").daemon().unstarted(r));
    purge.scheduleWithFixedDelay(
        () -> {
          try {
            int purged = store.purgeExpired();
            if (purged > 0) {
              LOG.debug("purged {} expired idempotency keys", purged);
            }
          } catch (RuntimeException e) {
            LOG.warn("could not purge expired idempotency keys: {}", e.getMessage());
          }
        },
        1,
        10,
        TimeUnit.MINUTES);
    return purge;
  }
}

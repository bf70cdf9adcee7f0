package dev.reelforge.app.clips;

import dev.reelforge.core.clips.ClipStore;
import dev.reelforge.postgres.clips.PostgresClipStore;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clips feature's store on the server: PostgreSQL, shared by every node, for the clips routes,
 * pages and stages to inject.
 */
@Configuration(proxyBeanMethods = false)
public class ClipsStoreConfiguration {

  @Bean
  ClipStore clipStore(DataSource dataSource) {
    return new PostgresClipStore(dataSource);
  }
}

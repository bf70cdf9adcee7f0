package dev.reelforge.app.clips;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.clips.ClipStore;
import dev.reelforge.postgres.clips.PostgresClipStore;
import dev.reelforge.postgres.testing.PostgresTest;
import dev.reelforge.postgres.testing.TestDatabase;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** The server's clip store is PostgreSQL's, on the application's data source. */
@PostgresTest
class ClipsStoreConfigurationTest {

  @Test
  void theClipStoreIsPostgresOnTheApplicationsDatabase(TestDatabase database) {
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context.registerBean(DataSource.class, database::dataSource);
      context.register(ClipsStoreConfiguration.class);
      context.refresh();

      ClipStore store = context.getBean(ClipStore.class);
      assertThat(store).isInstanceOf(PostgresClipStore.class);
      // The migrated schema answers: V15's tables are there.
      assertThat(store.sources(UUID.randomUUID(), 10)).isEmpty();
      assertThat(store.source(UUID.randomUUID())).isEmpty();
    }
  }
}

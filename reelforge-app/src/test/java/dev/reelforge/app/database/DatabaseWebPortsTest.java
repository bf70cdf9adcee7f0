package dev.reelforge.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The embedded database must not pick the port the web server is about to bind. */
class DatabaseWebPortsTest {

  @Test
  void theWebAndManagementPortsAreAvoided() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("server.port", "37099")
            .withProperty("management.server.port", "9091");

    assertThat(DatabaseConfiguration.webPorts(environment)).containsExactlyInAnyOrder(37099, 9091);
  }

  @Test
  void aRandomWebPortReservesNothing() {
    MockEnvironment environment = new MockEnvironment().withProperty("server.port", "0");

    assertThat(DatabaseConfiguration.webPorts(environment)).isEmpty();
  }
}

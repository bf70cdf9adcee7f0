package dev.reelforge.app;

import dev.reelforge.app.config.ServerSettings;
import dev.reelforge.app.database.DatabaseEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says where the server listens once it is ready, so the operator knows what to open. */
@Component
@ConditionalOnWebApplication
class ServingBanner {

  private static final Logger log = LoggerFactory.getLogger(ServingBanner.class);

  private final ServerSettings server;
  private final DatabaseEndpoint database;

  ServingBanner(ServerSettings server, DatabaseEndpoint database) {
    this.server = server;
    this.database = database;
  }

  @EventListener
  void ready(ApplicationReadyEvent event) {
    int port =
        event.getApplicationContext() instanceof WebServerApplicationContext web
            ? web.getWebServer().getPort()
            : server.getPort();
    log.info("ReelForge is serving http://{}:{} (database: {})", server.getHost(), port, database);
  }
}

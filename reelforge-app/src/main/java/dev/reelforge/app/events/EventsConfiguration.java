package dev.reelforge.app.events;

import dev.reelforge.app.jobs.VisibleRuns;
import dev.reelforge.core.jobs.engine.JobService;
import dev.reelforge.core.jobs.spi.RunEventFeed;
import dev.reelforge.postgres.jobs.PostgresRunEventFeed;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import javax.sql.DataSource;
import org.apache.tomcat.websocket.server.WsSci;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
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
  EventHub eventHub(RunEventFeed feed, JobService jobs, EventsSettings settings) {
    return new EventHub(
        feed,
        runId -> jobs.run(runId).status().isTerminal(),
        settings.getPollInterval(),
        settings.getHeartbeat(),
        settings.getMaxStreamsPerUser());
  }

  /**
   * Turns on Tomcat's WebSocket support (Spring Boot's own switch lives in a module this build does
   * without).
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> webSockets() {
    return factory ->
        factory.addContextCustomizers(
            context -> context.addServletContainerInitializer(new WsSci(), null));
  }

  /**
   * Registers {@link EventSocket} once the servlet context is up, when Tomcat's WebSocket container
   * exists.
   */
  @Bean
  ServletContextInitializer eventSocket(EventHub hub, VisibleRuns visibleRuns) {
    return servletContext ->
        servletContext.addListener(
            new ServletContextListener() {
              @Override
              public void contextInitialized(ServletContextEvent event) {
                ServerContainer container =
                    (ServerContainer)
                        event.getServletContext().getAttribute(ServerContainer.class.getName());
                if (container == null) {
                  throw new IllegalStateException("Tomcat's WebSocket container is missing");
                }
                try {
                  container.addEndpoint(EventSocket.config(hub, visibleRuns));
                } catch (DeploymentException e) {
                  throw new IllegalStateException("could not register " + EventSocket.PATH, e);
                }
              }
            });
  }
}

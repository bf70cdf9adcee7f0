package dev.reelforge.app.database;

import dev.reelforge.app.cluster.NodeSettings;
import dev.reelforge.core.cluster.NodeInfo;
import dev.reelforge.core.cluster.NodeRegistry;
import dev.reelforge.core.id.Ids;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Records this process in the node registry when it starts serving, reports it alive every 30
 * seconds, and marks it stopped on a clean shutdown.
 */
@Component
@ConditionalOnWebApplication
public class NodeLifecycle implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(NodeLifecycle.class);
  private static final Duration HEARTBEAT = Duration.ofSeconds(30);

  private final NodeRegistry registry;
  private final NodeSettings node;
  private final Clock clock;
  private final String version;
  private final UUID nodeId;
  private ScheduledExecutorService heartbeat;

  public NodeLifecycle(
      NodeRegistry registry,
      NodeSettings node,
      Clock clock,
      ObjectProvider<BuildProperties> build) {
    this.registry = registry;
    this.node = node;
    this.clock = clock;
    BuildProperties properties = build.getIfAvailable();
    this.version = properties == null ? "development" : properties.getVersion();
    this.nodeId = Ids.newId(clock);
  }

  public UUID nodeId() {
    return nodeId;
  }

  @Override
  public void start() {
    registry.register(
        new NodeInfo(
            nodeId,
            hostname(),
            ProcessHandle.current().pid(),
            version,
            node.getRoles().stream().map(NodeSettings.Role::id).collect(Collectors.toSet()),
            clock.instant(),
            clock.instant(),
            Optional.empty()));
    heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("node-heartbeat").unstarted(r));
    heartbeat.scheduleAtFixedRate(
        this::touch, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
  }

  private void touch() {
    try {
      registry.touch(nodeId);
    } catch (RuntimeException e) {
      // A missed heartbeat is retried at the next tick; the database may be restarting.
      log.warn("node heartbeat failed: {}", e.getMessage());
    }
  }

  @Override
  public void stop() {
    if (heartbeat != null) {
      heartbeat.shutdownNow();
      heartbeat = null;
      try {
        registry.markStopped(nodeId);
      } catch (RuntimeException e) {
        // Shutdown goes on: the node simply keeps no stop time, as if it had died.
        log.warn("could not record that node {} stopped: {}", nodeId, e.getMessage());
      }
    }
  }

  @Override
  public boolean isRunning() {
    return heartbeat != null;
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}

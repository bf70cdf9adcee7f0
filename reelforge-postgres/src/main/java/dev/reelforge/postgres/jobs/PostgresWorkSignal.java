package dev.reelforge.postgres.jobs;

import dev.reelforge.core.jobs.spi.WorkSignal;
import dev.reelforge.postgres.jobs.internal.RunTransactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link WorkSignal} over PostgreSQL LISTEN/NOTIFY: the job store calls {@code pg_notify} in the
 * transaction that makes work ready (or cancels a run), and every node listening on the channel
 * hears it within milliseconds of the commit. One dedicated connection per node listens; when it
 * breaks, it is reopened with a back-off while workers fall back to polling.
 */
public final class PostgresWorkSignal implements WorkSignal {

  private static final Logger log = LoggerFactory.getLogger(PostgresWorkSignal.class);
  private static final int POLL_MILLIS = 250;
  private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

  /** Opens a new, unpooled connection for listening. */
  @FunctionalInterface
  public interface ConnectionFactory {
    Connection open() throws SQLException;
  }

  private final ConnectionFactory connections;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean connected;

  public PostgresWorkSignal(ConnectionFactory connections) {
    this.connections = connections;
    this.thread = Thread.ofPlatform().daemon().name("pg-listen").start(this::listenLoop);
  }

  @Override
  public void subscribe(Listener listener) {
    listeners.add(listener);
  }

  @Override
  public boolean isConnected() {
    return connected;
  }

  private void listenLoop() {
    while (running) {
      try (Connection connection = connections.open()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("listen " + RunTransactions.WORK_CHANNEL);
          statement.execute("listen " + RunTransactions.CANCEL_CHANNEL);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        connected = true;
        while (running) {
          PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
          if (notifications != null) {
            for (PGNotification notification : notifications) {
              dispatch(notification);
            }
          }
        }
      } catch (SQLException e) {
        connected = false;
        if (running) {
          log.warn("LISTEN connection lost ({}); workers poll until it is back", e.getMessage());
          pause();
        }
      }
    }
    connected = false;
  }

  private void dispatch(PGNotification notification) {
    for (Listener listener : listeners) {
      try {
        if (RunTransactions.WORK_CHANNEL.equals(notification.getName())) {
          listener.workAvailable(notification.getParameter());
        } else if (RunTransactions.CANCEL_CHANNEL.equals(notification.getName())) {
          listener.runCancelled(UUID.fromString(notification.getParameter()));
        }
      } catch (RuntimeException e) {
        // One faulty listener must not silence the others.
        log.warn("work signal listener failed: {}", e.getMessage());
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(RECONNECT_PAUSE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

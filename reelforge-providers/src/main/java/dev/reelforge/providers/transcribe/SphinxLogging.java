package dev.reelforge.providers.transcribe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Keeps Sphinx4 from taking over {@code java.util.logging}. When it reads its configuration,
 * Sphinx4 calls {@code LogManager.reset()} — which removes every handler of every logger, the
 * application's bridge to its own logging included — and gives its loggers a console handler of
 * their own. This puts the root logger's handlers and level back afterwards and sends Sphinx4's
 * loggers through them, so its few severe messages reach the application's log like any other.
 */
final class SphinxLogging {

  private SphinxLogging() {}

  static synchronized <T> T around(Supplier<T> loading) {
    Logger root = Logger.getLogger("");
    Handler[] handlers = root.getHandlers();
    Level level = root.getLevel();
    try {
      return loading.get();
    } finally {
      for (Handler handler : root.getHandlers()) {
        root.removeHandler(handler);
      }
      for (Handler handler : handlers) {
        root.addHandler(handler);
      }
      root.setLevel(level);
      for (String name : loggerNames()) {
        Logger logger = LogManager.getLogManager().getLogger(name);
        if (logger != null && hasSphinxConsole(logger)) {
          for (Handler handler : logger.getHandlers()) {
            logger.removeHandler(handler);
          }
          logger.setUseParentHandlers(true);
        }
      }
    }
  }

  private static boolean hasSphinxConsole(Logger logger) {
    for (Handler handler : logger.getHandlers()) {
      if (handler.getFormatter() != null
          && handler.getFormatter().getClass().getName().startsWith("edu.cmu.sphinx")) {
        return true;
      }
    }
    return false;
  }

  private static List<String> loggerNames() {
    return new ArrayList<>(Collections.list(LogManager.getLogManager().getLoggerNames()));
  }
}

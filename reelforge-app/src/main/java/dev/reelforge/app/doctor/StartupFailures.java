package dev.reelforge.app.doctor;

import dev.reelforge.app.settings.InvalidSettingException;
import dev.reelforge.core.error.ReelForgeException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.web.server.PortInUseException;

/**
 * Turns whatever stopped the application from starting into one line a person can act on. The most
 * specific ReelForge exception in the cause chain wins; failures of libraries are described by
 * their innermost cause.
 */
public final class StartupFailures {

  private StartupFailures() {}

  public static String explain(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof InvalidSettingException || t instanceof ReelForgeException) {
        return oneLine(t.getMessage());
      }
      if (t instanceof PortInUseException port) {
        return "port "
            + port.getPort()
            + " is already in use; choose another with REELFORGE_SERVER_PORT or --port";
      }
      if (t instanceof BindException bind) {
        Throwable root = root(bind);
        return InvalidSettingException.of(
                bind.getName().toString(),
                bind.getProperty() == null ? "" : bind.getProperty().getValue(),
                root.getMessage())
            .getMessage();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    Throwable root = root(failure);
    return oneLine(
        root.getClass().getSimpleName()
            + (root.getMessage() == null ? "" : ": " + root.getMessage())
            + " (run with --stacktrace for details)");
  }

  /**
   * What to do about {@code failure}, for the doctor's "fix:" line: the setting to change when the
   * failure names one, otherwise the message's own advice.
   */
  public static String advice(Throwable failure) {
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof InvalidSettingException || t instanceof BindException) {
        return "fix the setting named above; ./reelforge doctor checks again";
      }
    }
    return "do what the message above says; ./reelforge doctor checks again";
  }

  private static Throwable root(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static String oneLine(String message) {
    return message == null ? "unknown error" : message.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}

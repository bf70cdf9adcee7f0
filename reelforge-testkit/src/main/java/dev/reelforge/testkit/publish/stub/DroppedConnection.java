package dev.reelforge.testkit.publish.stub;

/**
 * Thrown by a stub's handler to close the connection without an answer: the server closes an
 * exchange whose handler failed before answering, so the client sees the connection drop.
 */
final class DroppedConnection extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DroppedConnection() {
    super("the stub dropped the connection on purpose", null, false, false);
  }
}

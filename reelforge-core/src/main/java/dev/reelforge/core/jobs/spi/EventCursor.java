package dev.reelforge.core.jobs.spi;

import dev.reelforge.core.error.ReelForgeException;

/**
 * A position in the committed event log, in commit order: the id of the transaction that wrote an
 * event, then the event's own id. Event ids alone are taken when the insert runs, not when it
 * commits, so two runs' events can commit out of id order; transactions are read only once every
 * older one has finished, which makes "after this cursor" exact. Written as {@code "tx.id"} (the
 * SSE {@code id} field, the {@code Last-Event-ID} a client sends back).
 */
public record EventCursor(long transaction, long eventId) implements Comparable<EventCursor> {

  /** Before every event. */
  public static final EventCursor START = new EventCursor(0, 0);

  public EventCursor {
    if (transaction < 0 || eventId < 0) {
      throw new IllegalArgumentException("an event cursor is never negative");
    }
  }

  /**
   * @throws ReelForgeException INVALID_INPUT (naming {@code field}) for anything but {@code tx.id}
   */
  public static EventCursor parse(String text, String field) {
    int dot = text == null ? -1 : text.indexOf('.');
    try {
      if (dot > 0) {
        return new EventCursor(
            Long.parseLong(text.substring(0, dot)), Long.parseLong(text.substring(dot + 1)));
      }
    } catch (IllegalArgumentException e) {
      // reported below, with the expected form
    }
    throw ReelForgeException.invalidField(field, "must be an event id as sent, like 1234.56");
  }

  @Override
  public int compareTo(EventCursor other) {
    int byTransaction = Long.compare(transaction, other.transaction);
    return byTransaction != 0 ? byTransaction : Long.compare(eventId, other.eventId);
  }

  @Override
  public String toString() {
    return transaction + "." + eventId;
  }
}

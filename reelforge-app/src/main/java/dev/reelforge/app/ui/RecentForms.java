package dev.reelforge.app.ui;

import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The dashboard's forms that create work, remembered by the random key each rendered form carries:
 * a form posted twice (a double click, a reload of the answer) gets the first post's result instead
 * of a second publication. Kept in memory for the last {@value #KEPT} forms of this node; the API's
 * {@code Idempotency-Key} is the durable guarantee, this guards a browser's repeats.
 */
@Component
class RecentForms {

  static final int KEPT = 2_000;

  private final Map<String, CompletableFuture<UUID>> results = new ConcurrentHashMap<>();
  private final Queue<String> order = new ConcurrentLinkedQueue<>();

  /**
   * The result of the form {@code key} of {@code owner}: the first post's when it was posted before
   * (a repeat while the first runs waits for it), else what {@code work} makes. A refusal keeps
   * nothing, so the corrected form may post.
   */
  UUID once(UUID owner, String key, Supplier<UUID> work) {
    if (key == null || key.isBlank()) {
      return work.get();
    }
    String slot = owner + "/" + key.strip();
    CompletableFuture<UUID> mine = new CompletableFuture<>();
    CompletableFuture<UUID> first = results.putIfAbsent(slot, mine);
    if (first != null) {
      try {
        return first.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    try {
      UUID made = work.get();
      mine.complete(made);
      order.add(slot);
      while (order.size() > KEPT) {
        String eldest = order.poll();
        if (eldest != null) {
          results.remove(eldest);
        }
      }
      return made;
    } catch (RuntimeException e) {
      results.remove(slot, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }
}

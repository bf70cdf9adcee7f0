package dev.reelforge.story.session;

import java.util.UUID;

/**
 * Lets a user's work in or refuses it (quota, credits, abuse) before anything is spent. The
 * accounts feature answers; a refusal is a {@code ReelForgeException} the caller passes on.
 */
public interface SessionAdmission {

  /** Admits writing one script for {@code owner}. */
  void script(UUID owner);

  /** Admits rendering {@code formats} formats for {@code owner}; answers the credits to debit. */
  long render(UUID owner, int formats);
}

package dev.reelforge.core.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** What one call of {@link Publisher#publish} ended with. */
public sealed interface PublishOutcome {

  /**
   * The post is live (or handed to the platform for good).
   *
   * @param postId the platform's id for it (the local folder's: the folder path)
   * @param url where people see it; empty when the platform gives none
   */
  record Published(String postId, String url) implements PublishOutcome {
    public Published {
      Objects.requireNonNull(postId, "postId");
      url = Objects.requireNonNullElse(url, "");
    }
  }

  /** The platform is still processing; call again after {@code pollAgainIn}. */
  record Pending(Duration pollAgainIn, String message) implements PublishOutcome {
    public Pending {
      Objects.requireNonNull(pollAgainIn, "pollAgainIn");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * The platform refused for its quota (YouTube's {@code quotaExceeded}, a Graph API rate limit);
   * call again at {@code until}.
   */
  record Deferred(Instant until, String reason) implements PublishOutcome {
    public Deferred {
      Objects.requireNonNull(until, "until");
      Objects.requireNonNull(reason, "reason");
    }
  }
}

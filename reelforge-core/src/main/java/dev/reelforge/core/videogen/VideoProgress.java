package dev.reelforge.core.videogen;

import java.util.Objects;

/** Where a generation stands after a submit or a poll. */
public sealed interface VideoProgress {

  /** Still working: poll again after {@link PendingVideo#pollAfter()}. */
  record Pending(PendingVideo job) implements VideoProgress {
    public Pending {
      Objects.requireNonNull(job, "job");
    }
  }

  /** Finished: the clip is on disk. */
  record Done(GeneratedVideo video) implements VideoProgress {
    public Done {
      Objects.requireNonNull(video, "video");
    }
  }
}

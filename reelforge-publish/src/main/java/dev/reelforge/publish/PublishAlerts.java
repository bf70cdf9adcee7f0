package dev.reelforge.publish;

import dev.reelforge.core.publish.Publication;
import dev.reelforge.core.publish.PublicationTarget;

/**
 * Tells operators that a target failed after its retries (seed 002: "alert admin, queue manual
 * review"): the app sends the operators' webhook; the dashboard lists failed targets from the
 * store. Called once per failure.
 */
public interface PublishAlerts {

  void targetFailed(Publication publication, PublicationTarget target, String reason);

  PublishAlerts NONE = (publication, target, reason) -> {};
}

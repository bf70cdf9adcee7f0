package dev.reelforge.core.publish;

/**
 * Uploads one short to one platform (seed 002's distribution step). Implementations: the local
 * publish folder offline; YouTube (resumable upload), TikTok (Content Posting API), Instagram Reels
 * and Facebook Reels as adapters, each tested against a stub of its documented protocol.
 *
 * <p>Contract: an upload is <b>resumable and idempotent</b>. Everything a later call needs to go on
 * (the session URI, the container or video id, the bytes the platform confirmed) is written to
 * {@link UploadState} the moment it is known, before the next request; a call that finds state
 * continues that session — probing how much the platform has — and never starts a second post. A
 * call may answer {@link PublishOutcome.Pending} while the platform processes the media; the next
 * call polls. Failures are thrown as {@code ReelForgeException}s: retryable ones (network, 5xx,
 * 429, an expired session the next call restarts) with {@code retryable() == true}; the platform's
 * quota as {@link PublishOutcome.Deferred} rather than thrown.
 */
public interface Publisher {

  Platform platform();

  /** The implementation's name, e.g. {@code folder}, {@code youtube}. */
  String name();

  PublishOutcome publish(PublishItem item, AccountCredentials credentials, UploadState state);
}

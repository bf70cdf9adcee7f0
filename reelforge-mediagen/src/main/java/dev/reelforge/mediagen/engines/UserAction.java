package dev.reelforge.mediagen.engines;

/**
 * What a user can do about a failed video job (seed 001 §6.3's {@code user_action}, plus {@link
 * #CHANGE_PROMPT}, which the seed lacks: a refusal by a safety filter or a request an engine cannot
 * take is fixed by changing the request, and neither retrying nor another engine helps).
 */
public enum UserAction {
  /** The same request again later may pass. */
  RETRY,
  /** Nothing the user can change: the fault is ours to look at. */
  CONTACT_SUPPORT,
  /** Another engine may take the request. */
  CHANGE_ENGINE,
  /** Change the prompt or the pictures: the request itself was refused. */
  CHANGE_PROMPT
}

package dev.reelforge.core.moderation;

/** What kind of harm a flag is about. */
public enum ModerationCategory {
  HATE,
  HARASSMENT,
  VIOLENCE,
  SELF_HARM,
  SEXUAL,
  DRUGS,
  PROFANITY,
  SPAM
}

package dev.reelforge.app.settings;

/**
 * A settings tree whose settings must also agree with one another (a URL of the right kind, a
 * heartbeat shorter than the lease, credentials given together). {@link SettingsValidator} calls it
 * at startup, after each setting passed its own Bean Validation constraints.
 */
public interface CheckedTogether {

  /**
   * @throws InvalidSettingException naming the first setting that does not fit the others
   */
  void checkTogether();
}

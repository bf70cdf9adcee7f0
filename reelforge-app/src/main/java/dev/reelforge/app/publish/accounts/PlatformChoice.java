package dev.reelforge.app.publish.accounts;

/** A platform's connect button on the dashboard: whether the operator configured it. */
public record PlatformChoice(String key, String name, boolean configured) {}

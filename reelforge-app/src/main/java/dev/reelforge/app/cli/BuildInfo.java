package dev.reelforge.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version and build time written into the jar by the build ({@code build-info}). */
record BuildInfo(String version, String time) {

  static BuildInfo load() {
    Properties properties = new Properties();
    try (InputStream in =
        BuildInfo.class.getClassLoader().getResourceAsStream("META-INF/build-info.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // An unreadable resource in our own jar: report the version as unknown rather than fail.
      return new BuildInfo("unknown", "");
    }
    return new BuildInfo(
        properties.getProperty("build.version", "development"),
        properties.getProperty("build.time", ""));
  }

  String describe() {
    return "ReelForge "
        + version
        + (time.isEmpty() ? "" : " (built " + time + ")")
        + ", Java "
        + Runtime.version().feature();
  }
}

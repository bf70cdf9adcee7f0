package dev.reelforge.app;

import dev.reelforge.app.config.DataDirectory;
import dev.reelforge.testkit.TempDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps the tests of this module out of the module folder. The settings that name folders default
 * to paths relative to the working directory ({@code ./data/blobs}, {@code ./data/render}...),
 * which under Maven is the module folder: test runs that started the application filled {@code
 * reelforge-app/data} with stories, renders and caches, and some of it got committed.
 *
 * <p>Registered for every test of the module ({@code META-INF/services} and auto-detection in
 * {@code junit-platform.properties}), it points the data folder, and so every folder setting, at
 * one temporary folder per test run as a system property, when JUnit loads it and so before any
 * application starts. A test that sets the data folder or one of the folder settings itself still
 * wins: test properties and command-line arguments rank above system properties. The folder is
 * deleted when the test JVM ends, and a run fails if a {@code data} folder appeared in the working
 * directory all the same.
 */
public final class TestDataFolders implements BeforeAllCallback {

  private static final Path ROOT = TempDirs.worldSearchable("rf-test-data");

  /**
   * The data folder, which every folder setting defaults to a folder of ({@link
   * dev.reelforge.app.config.DataDirectory}).
   */
  static final String SETTING = DataDirectory.SETTING;

  /** The folder that test runs used to fill; absent unless something is wrong. */
  private static final Path STRAY = Path.of("data");

  private static final boolean STRAY_BEFORE = Files.exists(STRAY);

  static {
    if (System.getProperty(SETTING) == null) {
      System.setProperty(SETTING, ROOT.toString());
    }
    // Deleted when the JVM ends, not when a JUnit run ends: with several test JVMs, Surefire starts
    // one run per test class, while the contexts of earlier classes still work in the folder.
    Runtime.getRuntime()
        .addShutdownHook(Thread.ofPlatform().unstarted(() -> TempDirs.deleteTree(ROOT)));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    // The root store is closed after the last test of the run.
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(TestDataFolders.class))
        .computeIfAbsent("end of run", key -> (AutoCloseable) TestDataFolders::endOfRun);
  }

  private static void endOfRun() {
    if (!STRAY_BEFORE && Files.exists(STRAY)) {
      throw new IllegalStateException(
          "a test wrote into "
              + STRAY.toAbsolutePath()
              + ": give it a temporary folder (see TestDataFolders)");
    }
  }
}

package dev.reelforge.story;

import java.nio.file.Path;

/**
 * Where a story's files are on this machine, and how they reach the other machines. The job engine
 * may run each stage on another worker, so a stage pulls the folder before it runs and pushes what
 * it wrote after it succeeded.
 */
public interface StoryFolders {

  /** The session's folder on this machine (outputs at the top, working files under .work). */
  Path folder(String sessionId);

  /** Brings this machine's copy up to date; answers how many files came in. */
  int pull(String sessionId);

  /** Stores what changed here for the other machines; answers how many files went out. */
  int push(String sessionId);

  /**
   * One folder on this machine for a single story, nothing shared: the {@code make} command's
   * output folder, where every stage runs in this process.
   */
  static StoryFolders single(Path folder) {
    Path absolute = folder.toAbsolutePath().normalize();
    return new StoryFolders() {
      @Override
      public Path folder(String sessionId) {
        return absolute;
      }

      @Override
      public int pull(String sessionId) {
        return 0;
      }

      @Override
      public int push(String sessionId) {
        return 0;
      }
    };
  }
}

package dev.reelforge.app.cli;

/** Entry point of the ReelForge jar: {@code java -jar reelforge.jar COMMAND [OPTIONS]}. */
public final class ReelForgeMain {

  private ReelForgeMain() {}

  public static void main(String[] args) {
    int exitCode = new Cli(System.out, System.err).run(args);
    if (exitCode != Cli.KEEP_RUNNING) {
      System.exit(exitCode);
    }
  }
}

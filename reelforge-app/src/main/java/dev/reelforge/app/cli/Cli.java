package dev.reelforge.app.cli;

import dev.reelforge.app.ReelForgeApplication;
import dev.reelforge.app.config.SettingsValidator;
import dev.reelforge.app.doctor.Doctor;
import dev.reelforge.app.doctor.StartupFailures;
import dev.reelforge.app.security.Accounts;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.media.render.RenderEngine;
import dev.reelforge.story.StoryMaker;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line of ReelForge. {@code serve} runs the HTTP server until stopped; {@code doctor}
 * reports on the installation; {@code version} prints the build. Settings can be given as {@code
 * --reelforge.some.setting=value} after the command, as {@code REELFORGE_*} environment variables
 * or in {@code ./reelforge.yml}.
 *
 * <p>A failure to start prints one line to standard error, never a stack trace (unless {@code
 * --stacktrace} is given), and returns a non-zero exit code.
 */
public final class Cli {

  /** Returned by {@link #run} when the command keeps the process alive (the server runs). */
  public static final int KEEP_RUNNING = -1;

  static final int EXIT_USAGE = 2;

  // The doctor builds only what each check asks for (lazy beans), so that one broken component
  // (say, the database) is reported instead of stopping the whole report. The actuator's database
  // health contributor and pool metrics would connect eagerly, and startup logging would drown
  // the report.
  private static final Map<String, Object> DOCTOR_DEFAULTS =
      Map.of(
          "spring.main.lazy-initialization",
          "true",
          "management.health.db.enabled",
          "false",
          "management.endpoint.health.validate-group-membership",
          "false",
          "spring.autoconfigure.exclude",
          "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
          "spring.main.log-startup-info",
          "false");

  // Loggers that report a failed startup at length; Cli explains it in one line instead.
  private static final List<String> STARTUP_FAILURE_LOGGERS =
      List.of(
          "org.springframework.boot.SpringApplication",
          "org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter",
          "org.springframework.boot.autoconfigure.logging.ConditionEvaluationReportLogger",
          "org.springframework.context.annotation",
          "org.springframework.boot.web.server.servlet.context",
          "org.springframework.boot.web.server.context");

  private final PrintStream out;
  private final PrintStream err;

  public Cli(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Runs the command in {@code args}; returns its exit code or {@link #KEEP_RUNNING}. */
  public int run(String... args) {
    if (args.length == 0) {
      err.println(usage());
      return EXIT_USAGE;
    }
    String command = args[0];
    List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
    boolean stacktrace = rest.remove("--stacktrace");
    return switch (command) {
      case "serve" -> serve(rest, stacktrace);
      case "doctor" -> doctor(rest, stacktrace);
      case "render" -> render(rest, stacktrace);
      case "version", "--version", "-v" -> {
        out.println(BuildInfo.load().describe());
        yield 0;
      }
      case "make" -> make(rest, stacktrace);
      case "user" -> user(rest, stacktrace);
      case "help", "--help", "-h" -> {
        out.println(usage());
        yield 0;
      }
      default -> {
        err.println("reelforge: unknown command '" + command + "'\n" + usage());
        yield EXIT_USAGE;
      }
    };
  }

  private int serve(List<String> options, boolean stacktrace) {
    List<String> springArgs;
    try {
      springArgs = ServeOptions.toSpringArguments(options);
    } catch (IllegalArgumentException e) {
      err.println("reelforge: " + e.getMessage() + "\n" + usage());
      return EXIT_USAGE;
    }
    try {
      application(WebApplicationType.SERVLET, Map.of()).run(springArgs.toArray(String[]::new));
      return KEEP_RUNNING;
    } catch (RuntimeException e) {
      return failed(e, stacktrace);
    }
  }

  private int doctor(List<String> options, boolean stacktrace) {
    out.println(BuildInfo.load().describe() + " — doctor");
    try (ConfigurableApplicationContext context =
        application(WebApplicationType.NONE, DOCTOR_DEFAULTS).run(doctorArguments(options))) {
      return context.getBean(Doctor.class).run(out);
    } catch (RuntimeException e) {
      return failed(e, stacktrace);
    }
  }

  private int render(List<String> args, boolean stacktrace) {
    RenderOptions options;
    try {
      options = RenderOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("reelforge: " + e.getMessage() + "\n" + usage());
      return EXIT_USAGE;
    } catch (ReelForgeException e) {
      err.println("reelforge: " + e.violations().getFirst().message());
      return EXIT_USAGE;
    }
    // Only the render engine is built (lazily, as for the doctor): no database, no server.
    try (ConfigurableApplicationContext context =
        application(WebApplicationType.NONE, DOCTOR_DEFAULTS)
            .run(doctorArguments(options.settings()))) {
      return new RenderCommand(out, err).run(options, context.getBean(RenderEngine.class));
    } catch (RuntimeException e) {
      return failed(e, stacktrace);
    }
  }

  private int make(List<String> args, boolean stacktrace) {
    if (args.contains("--help") || args.contains("-h")) {
      out.println(usage());
      return 0;
    }
    MakeOptions options;
    try {
      options = MakeOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("reelforge: " + e.getMessage() + "\n" + usage());
      return EXIT_USAGE;
    } catch (ReelForgeException e) {
      err.println("reelforge: " + e.violations().getFirst().message());
      return EXIT_USAGE;
    }
    // Providers and the render engine only (lazily, as for the doctor): no database, no server.
    try (ConfigurableApplicationContext context =
        application(WebApplicationType.NONE, DOCTOR_DEFAULTS)
            .run(doctorArguments(options.settings()))) {
      return new MakeCommand(out, err, System.console() != null)
          .run(options, context.getBean(StoryMaker.class));
    } catch (RuntimeException e) {
      return failed(e, stacktrace);
    }
  }

  private int user(List<String> args, boolean stacktrace) {
    List<String> command = args.stream().filter(a -> !a.startsWith("--reelforge.")).toList();
    if (!UserCommand.valid(command)) {
      err.println(UserCommand.USAGE);
      return EXIT_USAGE;
    }
    List<String> settings = args.stream().filter(a -> a.startsWith("--reelforge.")).toList();
    // The database only (lazily, as for the doctor): no server, no workers.
    try (ConfigurableApplicationContext context =
        application(WebApplicationType.NONE, DOCTOR_DEFAULTS).run(doctorArguments(settings))) {
      return new UserCommand(out, err).run(command, context.getBean(Accounts.class));
    } catch (RuntimeException e) {
      return failed(e, stacktrace);
    }
  }

  // Logs would interleave with the report; as an argument this outranks application.yml.
  private static String[] doctorArguments(List<String> options) {
    List<String> arguments = new ArrayList<>(options);
    arguments.addFirst("--logging.level.root=WARN");
    return arguments.toArray(String[]::new);
  }

  private int failed(RuntimeException e, boolean stacktrace) {
    err.println("reelforge: " + StartupFailures.explain(e));
    if (stacktrace) {
      e.printStackTrace(err);
    }
    return 1;
  }

  private static SpringApplication application(
      WebApplicationType type, Map<String, Object> extraDefaults) {
    SpringApplication application = new SpringApplication(ReelForgeApplication.class);
    application.setWebApplicationType(type);
    application.addListeners(new SettingsValidator());
    Map<String, Object> defaults = new HashMap<>(extraDefaults);
    for (String logger : STARTUP_FAILURE_LOGGERS) {
      defaults.put("logging.level." + logger, "OFF");
    }
    application.setDefaultProperties(defaults);
    return application;
  }

  static String usage() {
    return """
        usage: reelforge COMMAND [OPTIONS]

        commands:
          serve     run the HTTP API (default http://127.0.0.1:8080)
                      --port N       listen on port N
                      --host ADDR    listen on ADDR (0.0.0.0 for every interface)
                      --roles LIST   api, worker, scheduler, comma-separated (default all)
          doctor    check the JDK, FFmpeg, database, blob store and providers
          render    render a timeline JSON file (docs/rendering.md) to MP4s
                      TIMELINE.json  the timeline; relative media paths are resolved
                                     against its folder (or --media DIR)
                      --preset LIST  tiktok, reels, shorts, youtube, square (comma-separated)
                      --quality Q    draft (quick preview: stills held still, softer),
                                     standard (default) or high
                      --out DIR      where videos, captions and thumbnails go (./out)
                      --estimate     print the time and size estimate only
          make      make short videos from an idea, a text, a link or a script
                      --idea "TEXT"  a bare idea (a labelled template script)
                      --text FILE    a text, Markdown or HTML note (extractive script;
                                     code and tables left out, and said so)
                      --url LINK     a web article (http/https, public addresses only)
                      --script FILE  your own script, one beat per line (used as written)
                      --formats LIST tiktok (default), reels, shorts, youtube, square
                      --voice NAME   the speech engine's voice
                      --caption-style S  bold-pop (default), boxed, minimal, karaoke
                      --music M      auto (mood from the script), none, or a mood:
                                     calm, uplifting, tense, playful, mysterious
                      --quality Q    draft (quick preview: stills held still, softer),
                                     standard (default) or high
                      --out DIR      outputs go to DIR/NAME (default ./out)
                      --name NAME    the outputs' name (default: from the input)
                    the same command again resumes a stopped or failed run
          user      manage accounts in the server's database
                      add NAME [--role R]  a new user (creator unless R is admin,
                                     operator or viewer); prints a one-time password
                      list           every user, role and status
                      reset-password NAME  a new one-time password; signs the user out
          version   print the version

        Any setting can follow the command as --reelforge.NAME=VALUE, be set in the
        environment as REELFORGE_NAME, or be written to ./reelforge.yml
        (see docs/configuration.md). --stacktrace prints the full error on failure.""";
  }
}

package dev.reelforge.app.cli;

import dev.reelforge.app.ReelForgeApplication;
import dev.reelforge.app.brand.BrandUploads;
import dev.reelforge.app.config.SettingsValidator;
import dev.reelforge.app.doctor.Doctor;
import dev.reelforge.app.doctor.StartupFailures;
import dev.reelforge.app.security.Accounts;
import dev.reelforge.clips.ClipMaker;
import dev.reelforge.core.error.ReelForgeException;
import dev.reelforge.core.providers.ProviderRegistry;
import dev.reelforge.media.render.RenderEngine;
import dev.reelforge.mediagen.MediaMaker;
import dev.reelforge.providers.publish.FolderPublisher;
import dev.reelforge.story.StoryMaker;
import dev.reelforge.story.StoryVoices;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line of ReelForge. {@code serve} runs the HTTP server until stopped; {@code doctor}
 * reports on the installation; {@code version} prints the build. Settings can be given as {@code
 * --reelforge.some.setting=value} after the command, as {@code REELFORGE_*} environment variables
 * or in {@code ./reelforge.yml}.
 *
 * <p>A wrong option or input prints one line and where the command's help is, and returns 2, before
 * anything is started or written. A failure prints one line to standard error, never a stack trace
 * (unless {@code --debug}, or its older name {@code --stacktrace}, is given), and returns 1. {@code
 * --help} after any command prints that command's options.
 */
public final class Cli {

  /** Returned by {@link #run} when the command keeps the process alive (the server runs). */
  public static final int KEEP_RUNNING = -1;

  static final int EXIT_USAGE = 2;

  // The short-lived commands (doctor, render, make, generate, brand, publish, user) build only what
  // they ask
  // for
  // (lazy
  // beans), so that one broken component (say, the database) is reported instead of stopping the
  // doctor's whole report. The actuator's database health contributor and pool metrics would
  // connect eagerly. JVM, system and logging meters and tracing are of no use to a command that
  // ends in seconds, and a GC notification recording a meter while the context closes would ask
  // the closing context for the tracer (a stack trace on the terminal).
  private static final Map<String, Object> CLI_DEFAULTS =
      Map.of(
          "spring.main.lazy-initialization",
          "true",
          "management.health.db.enabled",
          "false",
          "management.endpoint.health.validate-group-membership",
          "false",
          "spring.autoconfigure.exclude",
          String.join(
              ",",
              "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
              "org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration",
              "org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration",
              "org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration",
              "org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration",
              "org.springframework.boot.micrometer.tracing.autoconfigure.otlp.OtlpExemplarsAutoConfiguration",
              "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
              "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration"),
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
          "org.springframework.boot.web.server.context",
          "org.springframework.boot.tomcat.servlet.DeferredServletContainerInitializers");

  private final PrintStream out;
  private final PrintStream err;

  public Cli(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Runs the command in {@code args}; returns its exit code or {@link #KEEP_RUNNING}. */
  public int run(String... args) {
    if (args.length == 0) {
      err.println(CommandHelp.global());
      return EXIT_USAGE;
    }
    String command = args[0];
    List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
    boolean debug = rest.remove("--debug") | rest.remove("--stacktrace");
    if (command.equals("help") || command.equals("--help") || command.equals("-h")) {
      rest.removeAll(List.of("--help", "-h"));
      return help(String.join(" ", rest));
    }
    if (rest.contains("--help") || rest.contains("-h")) {
      return help(helpTopic(command, rest));
    }
    try {
      rest = DataOption.toSetting(rest);
    } catch (IllegalArgumentException e) {
      return usageError(command, e.getMessage());
    }
    return switch (command) {
      case "serve" -> serve(rest, debug);
      case "doctor" -> doctor(rest, debug);
      case "render" -> render(rest, debug);
      case "version", "--version", "-v" -> {
        out.println(BuildInfo.load().describe());
        yield 0;
      }
      case "make" -> make(rest, debug);
      case "generate" -> generate(rest, debug);
      case "brand" -> brand(rest, debug);
      case "clips" -> clips(rest, debug);
      case "publish" -> publish(rest, debug);
      case "user" -> user(rest, debug);
      case "voices" -> voices(rest, debug);
      default -> usageError("", "unknown command '" + command + "'");
    };
  }

  /**
   * Prints the help of {@code topic} ("" for the list of commands, "user add" for a subcommand).
   */
  private int help(String topic) {
    if (topic.isBlank()) {
      out.println(CommandHelp.global());
      return 0;
    }
    return CommandHelp.of(topic)
        .map(
            text -> {
              out.println(text);
              return 0;
            })
        .orElseGet(
            () -> {
              err.println("reelforge: no help on '" + topic + "'\n" + CommandHelp.global());
              return EXIT_USAGE;
            });
  }

  /**
   * {@code user add --help} is about {@code user add} (and {@code generate video --help} about
   * {@code generate video}); every other command has one help.
   */
  private static String helpTopic(String command, List<String> rest) {
    if ((command.equals("user") || command.equals("generate"))
        && !rest.isEmpty()
        && CommandHelp.of(command + " " + rest.getFirst()).isPresent()) {
      return command + " " + rest.getFirst();
    }
    return CommandHelp.of(command).isPresent() ? command : "";
  }

  /** A wrong option or input: one line, then where the whole story is. */
  private int usageError(String command, String message) {
    err.println("reelforge: " + message);
    err.println(CommandHelp.seeHelp(command));
    return EXIT_USAGE;
  }

  private int serve(List<String> options, boolean debug) {
    List<String> springArgs;
    try {
      springArgs = ServeOptions.toSpringArguments(options);
    } catch (IllegalArgumentException e) {
      return usageError("serve", e.getMessage());
    }
    try {
      application(WebApplicationType.SERVLET, Map.of(), debug)
          .run(springArgs.toArray(String[]::new));
      return KEEP_RUNNING;
    } catch (RuntimeException e) {
      return failed(e, debug);
    }
  }

  private int doctor(List<String> options, boolean debug) {
    Optional<String> unexpected = options.stream().filter(o -> !isSetting(o)).findFirst();
    if (unexpected.isPresent()) {
      return usageError("doctor", "unexpected argument '" + unexpected.get() + "'");
    }
    out.println(BuildInfo.load().describe() + " — doctor");
    try (ConfigurableApplicationContext context =
        application(WebApplicationType.NONE, CLI_DEFAULTS, debug)
            .run(cliArguments(options, debug))) {
      return context.getBean(Doctor.class).run(out);
    } catch (RuntimeException e) {
      return failed(e, debug);
    }
  }

  private int render(List<String> args, boolean debug) {
    RenderOptions options;
    try {
      options = RenderOptions.parse(args);
    } catch (IllegalArgumentException e) {
      return usageError("render", e.getMessage());
    } catch (ReelForgeException e) {
      return usageError("render", e.violations().getFirst().message());
    }
    // Only the render engine is built (lazily, as for the doctor): no database, no server.
    try (ConfigurableApplicationContext context =
        application(WebApplicationType.NONE, CLI_DEFAULTS, debug)
            .run(cliArguments(options.settings(), debug))) {
      return new RenderCommand(out, err).run(options, context.getBean(RenderEngine.class));
    } catch (RuntimeException e) {
      return failed(e, debug);
    }
  }

  private int make(List<String> args, boolean debug) {
    MakeOptions options;
    try {
      options = MakeOptions.parse(args);
    } catch (IllegalArgumentException e) {
      return usageError("make", e.getMessage());
    } catch (ReelForgeException e) {
      return usageError("make", e.violations().getFirst().message());
    }
    // Providers and the render engine only (lazily, as for the doctor): no database, no server.
    try (ConfigurableApplicationContext context =
        application(WebApplicationType.NONE, CLI_DEFAULTS, debug)
            .run(cliArguments(options.settings(), debug))) {
      try {
        // Before anything is written: a mistyped voice would otherwise fail the voice stage
        // after the script and the pictures were made.
        StoryVoices.require(
            context.getBean(ProviderRegistry.class), options.input().voice(), "--voice");
      } catch (ReelForgeException e) {
        return usageError("make", "--voice: " + e.violations().getFirst().message());
      }
      Optional<FolderPublisher> publishTo =
          options.publish()
              ? Optional.of(context.getBean(FolderPublisher.class))
              : Optional.empty();
      return new MakeCommand(out, err, System.console() != null)
          .run(options, context.getBean(StoryMaker.class), publishTo);
    } catch (RuntimeException e) {
      return failed(e, debug);
    }
  }

  private int generate(List<String> args, boolean debug) {
    GenerateOptions options;
    try {
      options = GenerateOptions.parse(args);
    } catch (IllegalArgumentException e) {
      return usageError("generate", e.getMessage());
    }
    // The providers only (lazily, as for make): no database, no server.
    try (ConfigurableApplicationContext context =
        application(WebApplicationType.NONE, CLI_DEFAULTS, debug)
            .run(cliArguments(options.settings(), debug))) {
      return new GenerateCommand(out, err).run(options, context.getBean(MediaMaker.class));
    } catch (RuntimeException e) {
      return failed(e, debug);
    }
  }

  private int brand(List<String> args, boolean debug) {
    BrandOptions options;
    try {
      options = BrandOptions.parse(args);
    } catch (IllegalArgumentException e) {
      return usageError("brand", e.getMessage());
    }
    // The providers and the render engine only (lazily, as for generate): no database, no server.
    try (ConfigurableApplicationContext context =
        application(WebApplicationType.NONE, CLI_DEFAULTS, debug)
            .run(cliArguments(options.settings(), debug))) {
      return new BrandCommand(out, err)
          .run(
              options,
              context.getBean(BrandUploads.class),
              InProcessBrand.Parts.of(context),
              context.getBean(Clock.class));
    } catch (RuntimeException e) {
      return failed(e, debug);
    }
  }

  private int clips(List<String> args, boolean debug) {
    ClipsOptions options;
    try {
      options = ClipsOptions.parse(args);
    } catch (IllegalArgumentException e) {
      return usageError("clips", e.getMessage());
    }
    // FFmpeg, OpenCV, the transcriber and the render engine only (lazily): no database, no server.
    try (ConfigurableApplicationContext context =
        application(WebApplicationType.NONE, CLI_DEFAULTS, debug)
            .run(cliArguments(options.settings(), debug))) {
      return new ClipsCommand(out, err).run(options, context.getBean(ClipMaker.class));
    } catch (RuntimeException e) {
      return failed(e, debug);
    }
  }

  private int publish(List<String> args, boolean debug) {
    PublishOptions options;
    try {
      options = PublishOptions.parse(args);
    } catch (IllegalArgumentException e) {
      return usageError("publish", e.getMessage());
    }
    // The local publish folder only (lazily, as for make): no database, no server.
    try (ConfigurableApplicationContext context =
        application(WebApplicationType.NONE, CLI_DEFAULTS, debug)
            .run(cliArguments(options.settings(), debug))) {
      return new PublishCommand(out, err).run(options, context.getBean(FolderPublisher.class));
    } catch (RuntimeException e) {
      return failed(e, debug);
    }
  }

  private int voices(List<String> options, boolean debug) {
    Optional<String> unexpected = options.stream().filter(o -> !isSetting(o)).findFirst();
    if (unexpected.isPresent()) {
      return usageError("voices", "unexpected argument '" + unexpected.get() + "'");
    }
    // The providers only (lazily): no database, no server.
    try (ConfigurableApplicationContext context =
        application(WebApplicationType.NONE, CLI_DEFAULTS, debug)
            .run(cliArguments(options, debug))) {
      return new VoicesCommand(out).run(context.getBean(ProviderRegistry.class));
    } catch (RuntimeException e) {
      return failed(e, debug);
    }
  }

  private int user(List<String> args, boolean debug) {
    List<String> command = args.stream().filter(a -> !isSetting(a)).toList();
    Optional<String> problem = UserCommand.problem(command);
    if (problem.isPresent()) {
      return usageError(helpTopic("user", command), problem.get());
    }
    List<String> settings = args.stream().filter(Cli::isSetting).toList();
    // The database only (lazily, as for the doctor): no server, no workers.
    try (ConfigurableApplicationContext context =
        application(WebApplicationType.NONE, CLI_DEFAULTS, debug)
            .run(cliArguments(settings, debug))) {
      return new UserCommand(out, err).run(command, context.getBean(Accounts.class));
    } catch (RuntimeException e) {
      return failed(e, debug);
    }
  }

  private static boolean isSetting(String argument) {
    return argument.startsWith("--reelforge.");
  }

  /**
   * The arguments of a short-lived command's context. Logs would interleave with what the command
   * prints, so only ReelForge's own warnings are shown, never a library's (whose errors come with
   * stack traces; the command explains its failure in one line). As arguments these outrank
   * application.yml. {@code --debug} shows every log at the usual levels.
   */
  private static String[] cliArguments(List<String> options, boolean debug) {
    List<String> arguments = new ArrayList<>(options);
    if (!debug) {
      arguments.addFirst("--logging.level.dev.reelforge=WARN");
      arguments.addFirst("--logging.level.root=OFF");
    }
    return arguments.toArray(String[]::new);
  }

  private int failed(RuntimeException e, boolean debug) {
    err.println("reelforge: " + StartupFailures.explain(e));
    if (debug) {
      e.printStackTrace(err);
    }
    return 1;
  }

  private static SpringApplication application(
      WebApplicationType type, Map<String, Object> extraDefaults, boolean debug) {
    SpringApplication application = new SpringApplication(ReelForgeApplication.class);
    application.setWebApplicationType(type);
    application.addListeners(new SettingsValidator());
    Map<String, Object> defaults = new HashMap<>(extraDefaults);
    if (!debug) {
      for (String logger : STARTUP_FAILURE_LOGGERS) {
        defaults.put("logging.level." + logger, "OFF");
      }
    }
    application.setDefaultProperties(defaults);
    return application;
  }

  /** The list of commands, as {@code reelforge --help} prints it. */
  static String usage() {
    return CommandHelp.global();
  }
}

package dev.reelforge.app.config;

import dev.reelforge.app.cluster.NodeSettings;
import dev.reelforge.app.database.DatabaseSettings;
import dev.reelforge.app.events.EventsSettings;
import dev.reelforge.app.jobs.JobsSettings;
import dev.reelforge.app.webhooks.WebhooksSettings;
import dev.reelforge.postgres.DatabaseUrl;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks every ReelForge setting as soon as the environment is known, before a web server, a
 * database or anything else starts, so that a bad setting stops startup with one line that names it
 * instead of a stack trace from deep inside a library.
 */
public final class SettingsValidator
    implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

  /** Every settings tree of the app; a new one must be added here to be checked at startup. */
  public static final List<Class<?>> SETTINGS =
      List.of(
          ServerSettings.class,
          NodeSettings.class,
          DatabaseSettings.class,
          MediaSettings.class,
          StorageSettings.class,
          StorySettings.class,
          JobsSettings.class,
          EventsSettings.class,
          WebhooksSettings.class);

  private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
  private static final String CONFIG_FILE_SETTING = "reelforge.config";

  @Override
  public int getOrder() {
    // After config files are loaded (EnvironmentPostProcessorApplicationListener) and logging is
    // initialised (LoggingApplicationListener).
    return Ordered.HIGHEST_PRECEDENCE + 30;
  }

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    validate(event.getEnvironment());
    for (String unknown : unknownSettings(event.getEnvironment())) {
      LoggerFactory.getLogger(SettingsValidator.class)
          .warn(
              "unknown setting {} is ignored (environment variable {}); see docs/configuration.md",
              unknown,
              InvalidSettingException.environmentVariable(unknown));
    }
  }

  /**
   * The {@code reelforge.*} settings that no settings tree reads: usually a typo. They are only
   * reported, because unrelated {@code REELFORGE_*} environment variables may exist.
   */
  public static List<String> unknownSettings(ConfigurableEnvironment environment) {
    java.util.Set<String> unknown = new java.util.TreeSet<>();
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      if (!(source instanceof IterableConfigurationPropertySource iterable)) {
        continue;
      }
      iterable.stream()
          .map(ConfigurationPropertyName::toString)
          .filter(name -> name.startsWith("reelforge."))
          .filter(name -> !isKnown(name))
          .forEach(unknown::add);
    }
    return List.copyOf(unknown);
  }

  private static boolean isKnown(String name) {
    if (name.equals(CONFIG_FILE_SETTING)) {
      return true;
    }
    // Environment variables cannot tell a dash from a dot (REELFORGE_STORAGE_S3_ACCESS_KEY reads
    // as reelforge.storage.s3.access.key), so names are compared with dashes as dots.
    String dotted = name.replace('-', '.');
    for (Class<?> type : SETTINGS) {
      String prefix = prefix(type) + ".";
      if (dotted.startsWith(prefix)) {
        return knownPaths(type).stream()
            .map(path -> prefix + path.replace('-', '.'))
            .anyMatch(path -> dotted.equals(path) || dotted.startsWith(path + "."));
      }
    }
    return false;
  }

  // Settings paths (kebab case) of a settings class, nested classes included; maps accept any key.
  private static List<String> knownPaths(Class<?> type) {
    List<String> paths = new java.util.ArrayList<>();
    for (java.lang.reflect.Field field : type.getDeclaredFields()) {
      if (java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      String name = kebab(field.getName());
      Class<?> fieldType = field.getType();
      if (fieldType.getEnclosingClass() == type && !fieldType.isEnum()) {
        knownPaths(fieldType).forEach(p -> paths.add(name + "." + p));
      } else {
        paths.add(name);
      }
    }
    return paths;
  }

  /**
   * Binds and validates every settings tree of {@code environment}.
   *
   * @throws InvalidSettingException for the first setting that is wrong
   */
  public static void validate(ConfigurableEnvironment environment) {
    checkConfigFile(environment);
    Binder binder = Binder.get(environment);
    try (ValidatorFactory factory =
        Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()) {
      Validator validator = factory.getValidator();
      for (Class<?> type : SETTINGS) {
        Object settings = bind(binder, type);
        check(prefix(type), validator.validate(settings));
        if (settings instanceof DatabaseSettings database) {
          checkDatabaseUrl(database);
        }
        if (settings instanceof JobsSettings jobs) {
          checkJobTimings(jobs);
        }
        if (settings instanceof StorageSettings storage) {
          StorageChecks.check(storage);
        }
      }
    }
  }

  private static Object bind(Binder binder, Class<?> type) {
    String prefix = prefix(type);
    try {
      return binder.bindOrCreate(prefix, type);
    } catch (BindException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      Object value = e.getProperty() == null ? "" : e.getProperty().getValue();
      return fail(e.getName().toString(), value, "cannot be read: " + cause.getMessage());
    }
  }

  private static <T> void check(String prefix, Set<ConstraintViolation<T>> violations) {
    violations.stream()
        .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .ifPresent(
            v ->
                fail(
                    prefix + "." + kebab(v.getPropertyPath().toString()),
                    v.getInvalidValue(),
                    v.getMessage()));
  }

  private static void checkDatabaseUrl(DatabaseSettings database) {
    if (database.isEmbedded()) {
      return;
    }
    try {
      DatabaseUrl.parse(database.getUrl());
    } catch (IllegalArgumentException e) {
      fail("reelforge.database.url", database.getUrl(), e.getMessage());
    }
  }

  private static void checkJobTimings(JobsSettings jobs) {
    if (jobs.getHeartbeatInterval().compareTo(jobs.getLease()) >= 0) {
      fail(
          "reelforge.jobs.heartbeat-interval",
          jobs.getHeartbeatInterval(),
          "must be shorter than reelforge.jobs.lease (" + jobs.getLease() + ")");
    }
  }

  private static void checkConfigFile(ConfigurableEnvironment environment) {
    String configured = environment.getProperty(CONFIG_FILE_SETTING);
    if (configured != null && !configured.isBlank() && !Files.isReadable(Path.of(configured))) {
      fail(CONFIG_FILE_SETTING, configured, "no readable file there");
    }
  }

  private static String prefix(Class<?> type) {
    return type.getAnnotation(ConfigurationProperties.class).value();
  }

  private static String kebab(String path) {
    Matcher m = CAMEL.matcher(path);
    return m.replaceAll("$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static Object fail(String property, Object value, String why) {
    throw InvalidSettingException.of(property, value, why);
  }
}

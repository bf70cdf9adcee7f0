package dev.reelforge.app.config;

import dev.reelforge.app.settings.CheckedTogether;
import dev.reelforge.app.settings.InvalidSettingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
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
 * instead of a stack trace from deep inside a library. The settings trees it walks are every
 * {@code @ConfigurationProperties} class of the build ({@link SettingsCatalog}), never a list kept
 * by hand.
 */
public final class SettingsValidator
    implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

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

  /** The prefixes of the settings trees that are bound and validated, in order. */
  public static List<String> settingsTrees() {
    return SettingsCatalog.get().trees().stream().map(SettingsCatalog.Tree::prefix).toList();
  }

  /**
   * The {@code reelforge.*} settings that no settings tree reads: usually a typo. They are only
   * reported, because unrelated {@code REELFORGE_*} environment variables may exist.
   */
  public static List<String> unknownSettings(ConfigurableEnvironment environment) {
    SettingsCatalog catalog = SettingsCatalog.get();
    Set<String> unknown = new TreeSet<>();
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      if (!(source instanceof IterableConfigurationPropertySource iterable)) {
        continue;
      }
      iterable.stream()
          .map(ConfigurationPropertyName::toString)
          .filter(name -> name.startsWith("reelforge."))
          .filter(name -> !name.equals(CONFIG_FILE_SETTING) && !catalog.isKnown(name))
          .forEach(unknown::add);
    }
    return List.copyOf(unknown);
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
      for (SettingsCatalog.Tree tree : SettingsCatalog.get().trees()) {
        Object settings = bind(binder, tree);
        check(tree.prefix(), validator.validate(settings));
        if (settings instanceof CheckedTogether together) {
          together.checkTogether();
        }
      }
    }
  }

  private static Object bind(Binder binder, SettingsCatalog.Tree tree) {
    try {
      return binder.bindOrCreate(tree.prefix(), tree.type());
    } catch (BindException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      Object value = e.getProperty() == null ? "" : e.getProperty().getValue();
      throw InvalidSettingException.of(
          e.getName().toString(), value, "cannot be read: " + cause.getMessage());
    }
  }

  private static <T> void check(String prefix, Set<ConstraintViolation<T>> violations) {
    violations.stream()
        .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .ifPresent(
            v -> {
              throw InvalidSettingException.of(
                  prefix + "." + kebab(v.getPropertyPath().toString()),
                  v.getInvalidValue(),
                  v.getMessage());
            });
  }

  private static void checkConfigFile(ConfigurableEnvironment environment) {
    String configured = environment.getProperty(CONFIG_FILE_SETTING);
    if (configured != null && !configured.isBlank() && !Files.isReadable(Path.of(configured))) {
      throw InvalidSettingException.of(CONFIG_FILE_SETTING, configured, "no readable file there");
    }
  }

  private static String kebab(String path) {
    Matcher m = CAMEL.matcher(path);
    return m.replaceAll("$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}

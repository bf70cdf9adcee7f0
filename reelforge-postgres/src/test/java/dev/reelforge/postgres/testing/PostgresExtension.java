package dev.reelforge.postgres.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension behind {@link PostgresTest}: one {@link TestDatabase} per test class, created
 * lazily and closed after the class.
 */
public final class PostgresExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    ExtensionContext classContext = classContext(context);
    return classContext
        .getStore(NAMESPACE)
        .computeIfAbsent(testClass, type -> create(testClass), TestDatabase.class);
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  private static TestDatabase create(Class<?> testClass) {
    PostgresTest settings = testClass.getAnnotation(PostgresTest.class);
    boolean migrate = settings == null || settings.migrate();
    String owner = testClass.getSimpleName();
    return migrate ? TestDatabase.migrated(owner) : TestDatabase.freshSchema(owner);
  }
}

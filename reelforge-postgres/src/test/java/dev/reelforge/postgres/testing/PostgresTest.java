package dev.reelforge.postgres.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the real PostgreSQL of this test JVM, in a schema of its own. Test
 * methods and constructors may declare a {@link TestDatabase} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresExtension.class)
public @interface PostgresTest {

  /** Whether to apply the Flyway migrations to the fresh schema (default yes). */
  boolean migrate() default true;
}

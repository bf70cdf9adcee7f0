package dev.reelforge.core.archfixture;

import dev.reelforge.app.ReelForgeApplication;
import java.sql.Connection;
import org.springframework.stereotype.Component;

/** A deliberate violation, used only to prove that the architecture rules catch one. */
@Component
public class CoreClassThatUsesJdbcAndTheApp {
  Connection connection;
  ReelForgeApplication application;
}

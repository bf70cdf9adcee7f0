package dev.reelforge.postgres.brand.internal;

import dev.reelforge.core.error.ErrorCode;
import dev.reelforge.core.error.ReelForgeException;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;

/**
 * Turns the database's refusal of a value (a check constraint, text that is not JSON, a string or
 * number too long for its column) into the taxonomy's {@code INVALID_INPUT}, as the in-memory store
 * refuses the same values. Anything else stays what it was.
 */
public final class Refusals {

  private static final Set<String> REFUSED_VALUE_STATES =
      Set.of(
          "23502", // not_null_violation
          "23514", // check_violation
          "22P02", // invalid_text_representation: text that is not JSON
          "22001", // string_data_right_truncation
          "22003"); // numeric_value_out_of_range

  private Refusals() {}

  /** Runs {@code call}; a refused value becomes INVALID_INPUT naming {@code what}. */
  public static <T> T refusingBadValues(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (DataAccessException e) {
      if (e.getMostSpecificCause() instanceof SQLException sql
          && REFUSED_VALUE_STATES.contains(sql.getSQLState())) {
        throw new ReelForgeException(
            ErrorCode.INVALID_INPUT, what + " refused: " + firstLine(sql.getMessage()), e);
      }
      throw e;
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid value";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}

package org.tamizdat.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/** Runs JDBC and stream work inside a database callback, failing with the cause's message. */
final class Jdbc {
  interface Work<T> {
    T run() throws SQLException, IOException;
  }

  private Jdbc() {}

  static <T> T call(Work<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw new IllegalStateException("database error: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }
}

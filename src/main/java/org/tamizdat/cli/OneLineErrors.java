package org.tamizdat.cli;

import org.tamizdat.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Failures end in one clear line (a bad configuration: one line per bad setting), never a trace.
 */
final class OneLineErrors implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    if (e instanceof ConfigException config) {
      System.err.println("tamizdat: invalid configuration");
      config.problems().forEach(problem -> System.err.println("  " + problem));
      return 2;
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    System.err.println("tamizdat: " + message);
    if (System.getenv("TAMIZDAT_DEBUG_TRACE") != null) {
      e.printStackTrace();
    }
    return 1;
  }
}

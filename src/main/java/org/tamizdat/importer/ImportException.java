package org.tamizdat.importer;

/**
 * An import that cannot go on, with one line for the operator. Carries no cause on purpose: the
 * command line prints the deepest cause's message, and this one already says everything.
 */
public final class ImportException extends RuntimeException {
  public ImportException(String message) {
    super(message);
  }
}

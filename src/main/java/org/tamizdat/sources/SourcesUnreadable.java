package org.tamizdat.sources;

/**
 * Protected fields cannot be read: the key file is missing or unreadable, the key is not the one
 * they were encrypted with, or the stored data was changed. The message says which and never
 * contains a secret, so it may be logged and shown.
 */
public final class SourcesUnreadable extends RuntimeException {
  public SourcesUnreadable(String message) {
    super(message);
  }

  public SourcesUnreadable(String message, Throwable cause) {
    super(message, cause);
  }
}

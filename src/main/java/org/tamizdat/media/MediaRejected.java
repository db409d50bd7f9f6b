package org.tamizdat.media;

/**
 * An upload we refuse, with a message fit to show the person who sent it (it never names paths or
 * internals). Nothing is stored when this is thrown.
 */
public final class MediaRejected extends RuntimeException {
  public MediaRejected(String message) {
    super(message);
  }
}

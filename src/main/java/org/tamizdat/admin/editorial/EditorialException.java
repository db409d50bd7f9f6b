package org.tamizdat.admin.editorial;

/**
 * A request the workflow refuses, with a message an editor can act on (nothing was written). Bad
 * content itself (an empty title, an unknown section) is an {@link IllegalArgumentException}.
 */
public class EditorialException extends RuntimeException {
  public EditorialException(String message) {
    super(message);
  }
}

package org.tamizdat.admin.editorial;

/** Someone saved the article after the form was opened; saving now would undo their work. */
public final class EditConflictException extends EditorialException {
  public EditConflictException(String message) {
    super(message);
  }
}

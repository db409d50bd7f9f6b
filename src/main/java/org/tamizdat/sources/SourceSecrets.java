package org.tamizdat.sources;

import java.util.Objects;

/**
 * The protected fields of a source, decrypted. Never logged: {@link #toString()} hides them, so a
 * stray log line or exception message cannot carry them.
 */
public record SourceSecrets(String realName, String contacts, String notes) {
  public SourceSecrets {
    realName = Objects.requireNonNullElse(realName, "").strip();
    contacts = Objects.requireNonNullElse(contacts, "").strip();
    notes = Objects.requireNonNullElse(notes, "").strip();
  }

  @Override
  public String toString() {
    return "SourceSecrets[hidden]";
  }
}

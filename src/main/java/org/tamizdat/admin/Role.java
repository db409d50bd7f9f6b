package org.tamizdat.admin;

import java.util.Locale;

/** What a staff member is for. What each role may do is decided in {@link Permissions} only. */
public enum Role {
  ADMIN,
  EDITOR,
  AUTHOR,
  TRANSLATOR;

  /** Editors and admins can publish and reveal sources: they must use a second factor. */
  public boolean requiresTotp() {
    return this == ADMIN || this == EDITOR;
  }

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** Parses a role as typed by a person ("admin", "Editor"); empty-handed callers get an error. */
  public static Role parse(String text) {
    for (Role role : values()) {
      if (role.name().equalsIgnoreCase(text.strip())) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '" + text + "' (admin, editor, author or translator)");
  }
}

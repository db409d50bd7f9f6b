package org.tamizdat.article;

import java.util.Locale;

/** Where an article is in its life. Only published articles reach public output. */
public enum Status {
  DRAFT,
  PUBLISHED;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Status fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}

package org.tamizdat.article;

import java.util.Locale;
import java.util.Optional;

/** The editions Tamizdat publishes. The code is the first path segment of every public URL. */
public enum Language {
  EN("en", Locale.ENGLISH),
  RU("ru", Locale.forLanguageTag("ru"));

  private final String code;
  private final Locale locale;

  Language(String code, Locale locale) {
    this.code = code;
    this.locale = locale;
  }

  public String code() {
    return code;
  }

  public Locale locale() {
    return locale;
  }

  /** The edition a reader switches to from this one. */
  public Language other() {
    return this == EN ? RU : EN;
  }

  public static Optional<Language> fromCode(String code) {
    for (Language language : values()) {
      if (language.code.equals(code)) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }
}

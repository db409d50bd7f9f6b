package org.tamizdat.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.tamizdat.article.Language;

/** Interface strings per edition, from {@code i18n/<lang>.properties} (UTF-8). */
public final class Messages {
  private final Map<Language, Properties> byLanguage = new EnumMap<>(Language.class);

  public Messages() {
    for (Language lang : Language.values()) {
      byLanguage.put(lang, load(lang));
    }
  }

  public String get(Language lang, String key) {
    String value = byLanguage.get(lang).getProperty(key);
    if (value == null) {
      throw new IllegalArgumentException("missing message '" + key + "' for " + lang.code());
    }
    return value;
  }

  public Optional<String> find(Language lang, String key) {
    return Optional.ofNullable(byLanguage.get(lang).getProperty(key));
  }

  public String format(Language lang, String key, Object... args) {
    return new MessageFormat(get(lang, key).replace("'", "''"), lang.locale()).format(args);
  }

  /** A view of one edition's strings, handed to templates. */
  public Bundle bundle(Language lang) {
    return new Bundle(this, lang);
  }

  Properties raw(Language lang) {
    return byLanguage.get(lang);
  }

  private static Properties load(Language lang) {
    String name = "i18n/" + lang.code() + ".properties";
    try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing " + name);
      }
      Properties props = new Properties();
      props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return props;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Strings of one edition. */
  public record Bundle(Messages messages, Language lang) {
    public String get(String key) {
      return messages.get(lang, key);
    }

    public String format(String key, Object... args) {
      return messages.format(lang, key, args);
    }
  }
}

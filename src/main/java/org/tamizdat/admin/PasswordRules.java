package org.tamizdat.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be: at least {@link #MIN_LENGTH} characters, at most {@link
 * #MAX_LENGTH}, and not one of the common passwords in {@code admin/common-passwords.txt} (also not
 * one of them with digits or symbols merely appended, such as {@code dragon123456}).
 */
public final class PasswordRules {
  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 256;

  private final Set<String> common;

  public PasswordRules() {
    this.common = load();
  }

  /** The reason the password is refused, in words for the person typing it; empty when fine. */
  public Optional<String> problem(String password) {
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      return Optional.of("The password must have at least " + MIN_LENGTH + " characters.");
    }
    if (length > MAX_LENGTH) {
      return Optional.of("The password must have at most " + MAX_LENGTH + " characters.");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    String stem = lower.replaceAll("[\\d\\p{Punct}\\s]+$", "");
    if (common.contains(lower) || (stem.length() >= 4 && common.contains(stem))) {
      return Optional.of("This password is on a list of common passwords. Choose another one.");
    }
    if (lower.codePoints().distinct().count() < 4) {
      return Optional.of("The password repeats too few characters. Choose another one.");
    }
    return Optional.empty();
  }

  int size() {
    return common.size();
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>();
    try (InputStream in =
            PasswordRules.class.getClassLoader().getResourceAsStream("admin/common-passwords.txt");
        BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(
                    java.util.Objects.requireNonNull(in, "admin/common-passwords.txt missing"),
                    StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isEmpty() && !line.startsWith("#")) {
          words.add(line.strip().toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}

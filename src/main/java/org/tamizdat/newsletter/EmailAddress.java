package org.tamizdat.newsletter;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An address we are willing to send to: an ASCII dot-atom local part and a domain that may be
 * internationalized (stored in its ASCII form, {@code xn--…}, which every SMTP server accepts).
 * Quoted local parts, IP literals and non-ASCII local parts (SMTPUTF8) are refused: they are legal
 * but rare, and a reader who has one gets a clear message instead of a silent failure later.
 */
public record EmailAddress(String local, String domain) {
  public static final int MAX_LENGTH = 254;
  private static final int MAX_LOCAL = 64;
  private static final Pattern ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

  /** Why an input is not an address; each has a message in the reader's language. */
  public enum Problem {
    EMPTY,
    TOO_LONG,
    INVALID
  }

  /** The parsed address, or why it is not one. */
  public record Parsed(Optional<EmailAddress> address, Optional<Problem> problem) {}

  public static Parsed parse(String input) {
    String raw = input == null ? "" : input.strip();
    if (raw.isEmpty()) {
      return problem(Problem.EMPTY);
    }
    if (raw.length() > MAX_LENGTH) {
      return problem(Problem.TOO_LONG);
    }
    int at = raw.lastIndexOf('@');
    if (at <= 0 || at == raw.length() - 1) {
      return problem(Problem.INVALID);
    }
    String local = raw.substring(0, at);
    Optional<String> domain = asciiDomain(raw.substring(at + 1));
    if (!validLocal(local) || domain.isEmpty()) {
      return problem(Problem.INVALID);
    }
    EmailAddress address = new EmailAddress(local, domain.get());
    if (address.toString().length() > MAX_LENGTH) {
      return problem(Problem.TOO_LONG);
    }
    return new Parsed(Optional.of(address), Optional.empty());
  }

  private static Parsed problem(Problem problem) {
    return new Parsed(Optional.empty(), Optional.of(problem));
  }

  private static boolean validLocal(String local) {
    if (local.length() > MAX_LOCAL || local.startsWith(".") || local.endsWith(".")) {
      return false;
    }
    for (String atom : local.split("\\.", -1)) {
      if (!ATOM.matcher(atom).matches()) {
        return false;
      }
    }
    return true;
  }

  /** The domain in ASCII (punycode) form, lower case, with at least two valid labels. */
  private static Optional<String> asciiDomain(String domain) {
    String ascii;
    try {
      ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String[] labels = ascii.split("\\.", -1);
    if (labels.length < 2 || ascii.length() > 253) {
      return Optional.empty();
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return Optional.empty();
      }
    }
    return Optional.of(ascii);
  }

  /** The key that makes two spellings of one address the same subscriber. */
  public String key() {
    return toString().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return local + "@" + domain;
  }
}

package org.tamizdat.newsletter;

import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/**
 * Header field values as RFC 5322 and RFC 2047 want them: ASCII only, folded before 78 columns,
 * each field ending in CRLF. Used where messages are written as bytes, without a MIME library.
 */
final class MailHeaders {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final int FOLD_AT = 78;

  /** UTF-8 bytes per encoded word: 56 base64 characters, so "Subject: " and a word fit in 78. */
  private static final int WORD_BYTES = 42;

  private MailHeaders() {}

  /** An address with its display name, the name RFC 2047-encoded when it is not ASCII. */
  static String address(InternetAddress address) {
    if (address.getPersonal() == null) {
      return address.getAddress();
    }
    try {
      return new InternetAddress(address.getAddress(), address.getPersonal(), "UTF-8").toString();
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String date(long epochMillis) {
    return DATE.format(Instant.ofEpochMilli(epochMillis));
  }

  /**
   * {@code Name: value} with CRLF; an unstructured value (a subject) that is not plain ASCII
   * becomes RFC 2047 encoded words, and a long one is folded at spaces.
   */
  static String unstructured(String name, String value) {
    String flat = value.replaceAll("[\r\n]+", " ");
    if (!flat.chars().allMatch(c -> c >= 32 && c < 127)) {
      return name + ": " + encodedWords(flat) + "\r\n";
    }
    return fold(name + ": " + flat) + "\r\n";
  }

  /** Folds a field at spaces so lines stay under 78 columns where the words allow it. */
  static String fold(String field) {
    if (field.length() <= FOLD_AT) {
      return field;
    }
    String[] words = field.split(" ", -1);
    StringBuilder out = new StringBuilder(field.length() + 16).append(words[0]);
    int line = words[0].length();
    for (int i = 1; i < words.length; i++) {
      if (i > 1 && line + 1 + words[i].length() > FOLD_AT) {
        out.append("\r\n");
        line = 0;
      }
      out.append(' ').append(words[i]);
      line += 1 + words[i].length();
    }
    return out.toString();
  }

  /** Base64 encoded words of whole characters, one per folded line. */
  private static String encodedWords(String value) {
    StringBuilder out = new StringBuilder();
    int start = 0;
    while (start < value.length()) {
      int end = start;
      int bytes = 0;
      while (end < value.length()) {
        int cp = value.codePointAt(end);
        int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
        if (bytes + size > WORD_BYTES) {
          break;
        }
        bytes += size;
        end += Character.charCount(cp);
      }
      if (out.length() > 0) {
        out.append("\r\n ");
      }
      byte[] chunk = value.substring(start, end).getBytes(StandardCharsets.UTF_8);
      out.append("=?UTF-8?B?").append(Base64.getEncoder().encodeToString(chunk)).append("?=");
      start = end;
    }
    return out.toString();
  }
}

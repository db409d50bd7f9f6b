package org.tamizdat.newsletter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The one reader of SMTP replies: what the server said, reduced to accepted, try again later (4xx,
 * or no answer at all) or never (5xx).
 */
public record SmtpReply(int code, String text) {
  public static final SmtpReply ACCEPTED = new SmtpReply(250, "accepted");
  private static final int MAX_LINE = 4096;
  private static final int MAX_LINES = 200;

  public boolean accepted() {
    return code / 100 == 2;
  }

  public boolean permanent() {
    return code / 100 == 5;
  }

  /** 354: the server waits for the message content. */
  boolean goAhead() {
    return code == 354;
  }

  /** 421: the server is closing the connection. */
  boolean closing() {
    return code == 421;
  }

  /** The server's lines joined with spaces (EHLO's extension list, for one). */
  boolean mentions(String keyword) {
    for (String word : text.split(" ")) {
      if (word.equalsIgnoreCase(keyword)) {
        return true;
      }
    }
    return false;
  }

  /** The answer when there was none (connection lost, time-out): try again later. */
  static SmtpReply noReply(Exception failure) {
    return new SmtpReply(451, "no reply: " + oneLine(String.valueOf(failure.getMessage())));
  }

  /**
   * Reads one reply (RFC 5321 4.2: lines {@code 250-...} continue, {@code 250 ...} ends it). Throws
   * on a lost connection or anything that is not a reply, as nothing can follow it.
   */
  static SmtpReply read(InputStream in) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int lines = 0; lines < MAX_LINES; lines++) {
      String line = line(in);
      if (line.length() < 3
          || !Character.isDigit(line.charAt(0))
          || !Character.isDigit(line.charAt(1))
          || !Character.isDigit(line.charAt(2))
          || (line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-')) {
        throw new IOException("not an SMTP reply: " + oneLine(line));
      }
      if (!text.isEmpty()) {
        text.append(' ');
      }
      text.append(line.length() > 4 ? line.substring(4).strip() : "");
      if (line.length() == 3 || line.charAt(3) == ' ') {
        return new SmtpReply(Integer.parseInt(line.substring(0, 3)), oneLine(text.toString()));
      }
    }
    throw new IOException("SMTP reply of more than " + MAX_LINES + " lines");
  }

  /** One line, CRLF or LF ended, read as UTF-8 (servers may quote an address in it). */
  private static String line(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(64);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed by the SMTP server");
      }
      if (b == '\n') {
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      if (line.size() < MAX_LINE) {
        line.write(b);
      }
    }
  }

  private static String oneLine(String message) {
    String text = message.replaceAll("\\s+", " ").strip();
    return text.length() > 400 ? text.substring(0, 400) : text;
  }
}

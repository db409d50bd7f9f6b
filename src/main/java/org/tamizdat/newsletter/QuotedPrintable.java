package org.tamizdat.newsletter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A quoted-printable encoder (RFC 2045 6.7) that can stop and go on: a digest's part is encoded
 * once up to the first per-subscriber link, and each subscriber's copy continues from a {@link
 * #copy()} of that state, so it gets byte for byte what one pass over the whole text would give.
 * Lines end in CRLF and are at most 76 characters; a space or tab before a line end, and a dot that
 * starts a line, are encoded (the dot so the message needs no SMTP dot-stuffing).
 */
final class QuotedPrintable {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_LINE = 76;

  private final ByteArrayOutputStream out;
  private int column;

  /** A space or tab whose encoding waits for the next character (literal unless a line end). */
  private int pendingBlank = -1;

  QuotedPrintable() {
    this(new ByteArrayOutputStream(8192), 0, -1);
  }

  private QuotedPrintable(ByteArrayOutputStream out, int column, int pendingBlank) {
    this.out = out;
    this.column = column;
    this.pendingBlank = pendingBlank;
  }

  /** An encoder that continues where this one is, writing into a buffer of its own. */
  QuotedPrintable copy() {
    return new QuotedPrintable(new ByteArrayOutputStream(1024), column, pendingBlank);
  }

  /** Encodes {@code text}; {@code \n} and {@code \r\n} become line ends. */
  QuotedPrintable write(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      if (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
        continue;
      }
      if (b == '\n') {
        if (pendingBlank >= 0) {
          escaped(pendingBlank);
          pendingBlank = -1;
        }
        out.write('\r');
        out.write('\n');
        column = 0;
        continue;
      }
      if (pendingBlank >= 0) {
        literal(pendingBlank);
        pendingBlank = -1;
      }
      if (b == ' ' || b == '\t') {
        pendingBlank = b;
      } else if (b > 32 && b < 127 && b != '=') {
        literal(b);
      } else {
        escaped(b);
      }
    }
    return this;
  }

  /** Ends the text: a blank left at its very end is encoded, as a line end follows. */
  byte[] finish() {
    if (pendingBlank >= 0) {
      escaped(pendingBlank);
      pendingBlank = -1;
    }
    return out.toByteArray();
  }

  /** What was written so far, without ending the text (the state goes on in copies). */
  byte[] written() {
    return out.toByteArray();
  }

  private void literal(int b) {
    room(1);
    if (b == '.' && column == 0) {
      escaped(b);
      return;
    }
    out.write(b);
    column++;
  }

  private void escaped(int b) {
    room(3);
    out.write('=');
    out.write(HEX[b >> 4]);
    out.write(HEX[b & 15]);
    column += 3;
  }

  /** A soft line break when {@code width} more would not leave room for the break's '='. */
  private void room(int width) {
    if (column + width > MAX_LINE - 1) {
      out.write('=');
      out.write('\r');
      out.write('\n');
      column = 0;
    }
  }
}

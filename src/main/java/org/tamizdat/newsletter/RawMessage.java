package org.tamizdat.newsletter;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A finished RFC 5322 message as bytes: the header fields (each ending in CRLF) and the body that
 * follows the empty line. It is sent as it is: a signature over it stays valid.
 */
public final class RawMessage {
  private static final byte[] CRLF = {'\r', '\n'};
  private final byte[] header;
  private final byte[] body;

  RawMessage(byte[] header, byte[] body) {
    this.header = header;
    this.body = body;
  }

  /** A message built with the MIME library (saveChanges() done), as the bytes it writes. */
  static RawMessage of(MimeMessage message) throws MessagingException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      message.writeTo(bytes);
    } catch (IOException e) {
      throw new MessagingException("cannot write the message", e);
    }
    byte[] all = bytes.toByteArray();
    for (int i = 0; i + 3 < all.length; i++) {
      if (all[i] == '\r' && all[i + 1] == '\n' && all[i + 2] == '\r' && all[i + 3] == '\n') {
        return new RawMessage(
            java.util.Arrays.copyOfRange(all, 0, i + 2),
            java.util.Arrays.copyOfRange(all, i + 4, all.length));
      }
    }
    return new RawMessage(all, new byte[0]);
  }

  byte[] header() {
    return header;
  }

  byte[] body() {
    return body;
  }

  /** The same message with {@code field} (a whole header field without its CRLF) on top. */
  RawMessage withFieldOnTop(String field) {
    byte[] top = (field + "\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] joined = new byte[top.length + header.length];
    System.arraycopy(top, 0, joined, 0, top.length);
    System.arraycopy(header, 0, joined, top.length, header.length);
    return new RawMessage(joined, body);
  }

  public int size() {
    return header.length + CRLF.length + body.length;
  }

  public void writeTo(OutputStream out) throws IOException {
    out.write(header);
    out.write(CRLF);
    out.write(body);
  }

  @Override
  public String toString() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(size());
    try {
      writeTo(bytes);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }
}

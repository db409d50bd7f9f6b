package org.tamizdat.newsletter;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tamizdat.config.DkimSettings;
import org.tamizdat.web.NativeCrypto;

/**
 * DKIM (RFC 6376): rsa-sha256 with relaxed/relaxed canonicalization, which survives the whitespace
 * changes relays make. The canonicalization is ours (a few lines of the RFC), so a message is
 * hashed once, as the bytes we send, instead of being parsed again by a MIME library; the RSA
 * signature comes from java.security. Amazon Corretto Crypto Provider (AWS-LC, native code) signs
 * four to eight times faster than the JDK's own RSA; where it cannot load (another CPU
 * architecture) the JDK's provider signs, slower but the same signatures.
 *
 * <p>Signs the one-click unsubscribe headers too, as RFC 8058 requires. Thread-safe: the sending
 * workers share one signer, and signatures run in parallel on every core.
 */
public final class DkimSigner implements MessageSigner {
  private static final Logger log = LoggerFactory.getLogger(DkimSigner.class);
  private static final List<String> SIGNED =
      List.of(
          "from",
          "reply-to",
          "to",
          "subject",
          "date",
          "message-id",
          "mime-version",
          "content-type",
          "list-id",
          "list-unsubscribe",
          "list-unsubscribe-post");

  private final DkimSettings settings;
  private final Provider provider;
  private final ConcurrentLinkedQueue<Signature> signatures = new ConcurrentLinkedQueue<>();

  public DkimSigner(DkimSettings settings) {
    this.settings = settings;
    this.provider = NativeCrypto.provider().orElse(null);
    log.info(
        "DKIM signatures by {}",
        provider == null ? "the JDK (native provider not loaded)" : provider.getName());
  }

  @Override
  public RawMessage sign(RawMessage message) {
    List<String> fields = fields(message.header());
    StringBuilder names = new StringBuilder();
    StringBuilder signed = new StringBuilder(1024);
    for (String name : SIGNED) {
      String field = last(fields, name);
      if (field != null) {
        names.append(names.isEmpty() ? "" : ":").append(name);
        signed.append(relaxedHeader(field)).append("\r\n");
      }
    }
    String unsigned =
        "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d="
            + settings.domain()
            + "; s="
            + settings.selector()
            + ";\r\n h="
            + names
            + ";\r\n bh="
            + bodyHash(message.body())
            + ";\r\n b=";
    signed.append(relaxedHeader(unsigned));
    String b = Base64.getEncoder().encodeToString(rsa(signed.toString()));
    StringBuilder field = new StringBuilder(unsigned);
    for (int i = 0; i < b.length(); i += 72) {
      field.append(i == 0 ? "" : "\r\n  ").append(b, i, Math.min(b.length(), i + 72));
    }
    return message.withFieldOnTop(field.toString());
  }

  private byte[] rsa(String data) {
    try {
      Signature rsa = signatures.poll();
      if (rsa == null) {
        rsa =
            provider == null
                ? Signature.getInstance("SHA256withRSA")
                : Signature.getInstance("SHA256withRSA", provider);
        rsa.initSign(settings.key());
      }
      rsa.update(data.getBytes(StandardCharsets.ISO_8859_1));
      byte[] signature = rsa.sign(); // sign() leaves it ready for the next message
      signatures.add(rsa);
      return signature;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot DKIM-sign: " + e.getMessage(), e);
    }
  }

  /** Header fields with their folding, each without its final CRLF. */
  static List<String> fields(byte[] header) {
    String all = new String(header, StandardCharsets.ISO_8859_1);
    List<String> fields = new ArrayList<>(16);
    int start = 0;
    while (start < all.length()) {
      int end = all.indexOf("\r\n", start);
      end = end < 0 ? all.length() : end;
      // Continuation lines (starting with a blank) belong to the field above.
      while (end + 2 < all.length()
          && (all.charAt(end + 2) == ' ' || all.charAt(end + 2) == '\t')) {
        int next = all.indexOf("\r\n", end + 2);
        end = next < 0 ? all.length() : next;
      }
      if (end > start) {
        fields.add(all.substring(start, end));
      }
      start = end + 2;
    }
    return fields;
  }

  /** The bottom-most field of that name: the one a verifier takes first (RFC 6376 5.4.2). */
  private static String last(List<String> fields, String name) {
    for (int i = fields.size() - 1; i >= 0; i--) {
      String f = fields.get(i);
      int colon = f.indexOf(':');
      if (colon >= name.length()
          && f.regionMatches(true, 0, name, 0, name.length())
          && f.substring(name.length(), colon).isBlank()) {
        return f;
      }
    }
    return null;
  }

  /** RFC 6376 3.4.2: lower-case name, unfolded value, runs of blanks as one space, trimmed. */
  static String relaxedHeader(String field) {
    int colon = field.indexOf(':');
    StringBuilder out = new StringBuilder(field.length());
    out.append(field.substring(0, colon).strip().toLowerCase(Locale.ROOT)).append(':');
    boolean blank = false;
    boolean started = false;
    for (int i = colon + 1; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\r' || c == '\n') {
        continue;
      }
      if (c == ' ' || c == '\t') {
        blank = true;
      } else {
        if (blank && started) {
          out.append(' ');
        }
        blank = false;
        started = true;
        out.append(c);
      }
    }
    return out.toString();
  }

  /** RFC 6376 3.4.4 relaxed body, then its SHA-256 in base64 (the bh= tag). */
  static String bodyHash(byte[] body) {
    MessageDigest sha256 = NativeCrypto.sha256();
    sha256.update(alreadyRelaxed(body) ? body : relaxedBody(body));
    return Base64.getEncoder().encodeToString(sha256.digest());
  }

  /**
   * Whether {@link #relaxedBody} would return the body unchanged: every line ends in CRLF, no tab,
   * no blank before another blank or a line end, and no empty line at the end. Our quoted-printable
   * parts are like that, and checking costs a fraction of copying the body; a false "no" only takes
   * the slow path.
   */
  static boolean alreadyRelaxed(byte[] body) {
    int n = body.length;
    if (n == 0) {
      return true;
    }
    if (n < 3 || body[n - 2] != '\r' || body[n - 1] != '\n') {
      return false;
    }
    if (n >= 4 && body[n - 4] == '\r' && body[n - 3] == '\n') {
      return false;
    }
    for (int i = 0; i < n - 1; i++) {
      byte b = body[i];
      if (b == '\t' || (b == ' ' && (body[i + 1] == ' ' || body[i + 1] == '\r'))) {
        return false;
      }
      if (b == '\n' && body[i - 1 < 0 ? 0 : i - 1] != '\r') {
        return false;
      }
    }
    return true;
  }

  /**
   * Each line without trailing blanks and with runs of blanks as one space, ending in CRLF; empty
   * lines at the end dropped; an empty body stays empty.
   */
  static byte[] relaxedBody(byte[] body) {
    byte[] out = new byte[body.length + 2];
    int n = 0;
    int end = 0; // after the last line that is not empty
    int i = 0;
    while (i < body.length) {
      int lineStart = n;
      boolean blank = false;
      while (i < body.length && !(body[i] == '\r' && i + 1 < body.length && body[i + 1] == '\n')) {
        byte b = body[i++];
        if (b == ' ' || b == '\t') {
          blank = true;
        } else {
          if (blank) {
            out[n++] = ' ';
          }
          blank = false;
          out[n++] = b;
        }
      }
      i += 2;
      out[n++] = '\r';
      out[n++] = '\n';
      if (n - lineStart > 2) {
        end = n;
      }
    }
    return java.util.Arrays.copyOf(out, end);
  }
}

package org.tamizdat.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An RFC 6376 verifier for rsa-sha256 with relaxed/relaxed canonicalization, written from the RFC
 * with java.security alone, so it shares no code with the signing library: a bug in the signer
 * cannot hide itself here. The key comes from a "DNS" function of {@code
 * selector._domainkey.domain} returning the TXT record ({@code v=DKIM1; k=rsa; p=...}). Throws with
 * the reason on failure.
 */
public final class DkimVerifier {
  private final Function<String, String> dns;

  public DkimVerifier(Function<String, String> dns) {
    this.dns = dns;
  }

  /** Verifies the first DKIM-Signature of a raw RFC 5322 message (CRLF line ends). */
  public void verify(byte[] raw) throws GeneralSecurityException {
    String text = new String(raw, StandardCharsets.ISO_8859_1); // byte-transparent
    int split = text.indexOf("\r\n\r\n");
    List<String> headers = headers(text.substring(0, split + 2));
    String body = text.substring(split + 4);
    String signature =
        headers.stream()
            .filter(h -> h.regionMatches(true, 0, "DKIM-Signature:", 0, 15))
            .findFirst()
            .orElseThrow(() -> new GeneralSecurityException("no DKIM-Signature"));
    Map<String, String> tags = tags(signature.substring(signature.indexOf(':') + 1));
    require("1".equals(tags.get("v")), "v=" + tags.get("v"));
    require("rsa-sha256".equals(tags.get("a")), "a=" + tags.get("a"));
    require("relaxed/relaxed".equals(tags.get("c")), "c=" + tags.get("c"));
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    String bodyHash =
        Base64.getEncoder()
            .encodeToString(sha256.digest(relaxedBody(body).getBytes(StandardCharsets.ISO_8859_1)));
    require(bodyHash.equals(tags.get("bh")), "body hash differs: bh=" + tags.get("bh"));
    StringBuilder signed = new StringBuilder();
    List<String> unused = new ArrayList<>(headers);
    for (String name : tags.get("h").split(":")) {
      // The last instance not yet used (RFC 6376 5.4.2); a missing one signs as nothing.
      for (int i = unused.size() - 1; i >= 0; i--) {
        String h = unused.get(i);
        if (h.substring(0, h.indexOf(':')).strip().equalsIgnoreCase(name.strip())) {
          signed.append(relaxedHeader(h)).append("\r\n");
          unused.remove(i);
          break;
        }
      }
    }
    // The b= tag follows a ';' (a "b=" inside the base64 of bh= must not be taken for it).
    String withoutB = signature.replaceFirst("(;\\s*b\\s*=)[^;]*", "$1");
    signed.append(relaxedHeader(withoutB));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(publicKey(tags.get("s") + "._domainkey." + tags.get("d")));
    rsa.update(signed.toString().getBytes(StandardCharsets.ISO_8859_1));
    require(rsa.verify(Base64.getMimeDecoder().decode(tags.get("b"))), "signature does not verify");
  }

  private PublicKey publicKey(String name) throws GeneralSecurityException {
    String record = dns.apply(name);
    require(record != null, "no key record at " + name);
    byte[] der = Base64.getDecoder().decode(tags(record).get("p"));
    return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
  }

  /** Header fields with their folding kept, each without its final CRLF. */
  private static List<String> headers(String block) {
    List<String> fields = new ArrayList<>();
    for (String line : block.split("\r\n")) {
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
        fields.set(fields.size() - 1, fields.getLast() + "\r\n" + line);
      } else if (!line.isEmpty()) {
        fields.add(line);
      }
    }
    return fields;
  }

  private static Map<String, String> tags(String list) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (String tag : list.split(";")) {
      int eq = tag.indexOf('=');
      if (eq > 0) {
        tags.put(tag.substring(0, eq).strip(), tag.substring(eq + 1).replaceAll("\\s", ""));
      }
    }
    return tags;
  }

  /** RFC 6376 3.4.2. */
  static String relaxedHeader(String field) {
    int colon = field.indexOf(':');
    String name = field.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
    String value = field.substring(colon + 1).replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
    return name + ":" + value;
  }

  /** RFC 6376 3.4.4. */
  static String relaxedBody(String body) {
    StringBuilder out = new StringBuilder();
    for (String line : body.split("\r\n", -1)) {
      out.append(line.replaceAll("[ \t]+", " ").replaceAll(" $", "")).append("\r\n");
    }
    String canonical = out.toString().replaceAll("(\r\n)+$", "");
    return canonical.isEmpty() ? "" : canonical + "\r\n";
  }

  private static void require(boolean ok, String reason) throws GeneralSecurityException {
    if (!ok) {
      throw new GeneralSecurityException("DKIM: " + reason);
    }
  }
}

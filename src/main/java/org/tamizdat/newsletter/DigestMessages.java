package org.tamizdat.newsletter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tamizdat.article.Language;

/**
 * One subscriber's copy of a digest: multipart/alternative (plain text, then HTML, both
 * quoted-printable), with RFC 2369 and RFC 8058 unsubscribe headers, and a Message-ID fixed by
 * (digest, subscriber) so a copy sent twice after a crash is recognizably the same message.
 *
 * <p>A send writes the same digest a hundred thousand times, so the work that does not depend on
 * the subscriber is done once per digest ({@link #template}): the constant headers, and each part's
 * encoding up to the subscriber's own unsubscribe link. A copy adds the subscriber's headers and
 * encodes only from that link on, then goes to the signer.
 */
public final class DigestMessages {
  private static final Pattern OUR_ID = Pattern.compile("<digest-\\d+\\.(\\d+)@[^>]+>");

  private final MailIdentity identity;
  private final NewsletterUrls urls;
  private final MessageSigner signer;

  public DigestMessages(MailIdentity identity, NewsletterUrls urls) {
    this(identity, urls, MessageSigner.NONE);
  }

  public DigestMessages(MailIdentity identity, NewsletterUrls urls, MessageSigner signer) {
    this.identity = identity;
    this.urls = urls;
    this.signer = signer;
  }

  public String messageId(long digestId, long subscriberId) {
    return "<digest-" + digestId + "." + subscriberId + "@" + identity.domain() + ">";
  }

  /** The subscriber a Message-ID of ours was sent to, for bounce reports that quote it. */
  public static Optional<Long> subscriberOf(String messageId) {
    Matcher m = OUR_ID.matcher(messageId.strip());
    return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
  }

  /** Whether copies get a DKIM signature here (else a relay signs, or nobody). */
  public boolean signs() {
    return signer != MessageSigner.NONE;
  }

  /** The digest prepared for its copies; safe to share between sending threads. */
  public Template template(long digestId, DigestContent digest) {
    return new Template(digestId, digest);
  }

  /** A digest encoded once; {@link #render} makes one subscriber's signed copy. */
  public final class Template {
    private final long digestId;
    private final String constantHeaders;
    private final Part text;
    private final Part html;
    private final byte[] start;
    private final byte[] between;
    private final byte[] end;

    private Template(long digestId, DigestContent digest) {
      this.digestId = digestId;
      // '=' never appears unencoded in quoted-printable, so no part can contain this boundary.
      String boundary = "=_tamizdat_digest_" + digestId;
      StringBuilder h = new StringBuilder();
      h.append(MailHeaders.fold("From: " + MailHeaders.address(identity.from()))).append("\r\n");
      identity
          .replyTo()
          .ifPresent(r ->
              h.append(MailHeaders.fold("Reply-To: " + MailHeaders.address(r))).append("\r\n"));
      h.append(MailHeaders.unstructured("Subject", digest.subject()))
          .append("MIME-Version: 1.0\r\n")
          .append("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n")
          .append("List-Id: <digest-")
          .append(digest.lang().code())
          .append('.')
          .append(identity.domain())
          .append(">\r\n")
          .append("Content-Type: multipart/alternative;\r\n boundary=\"")
          .append(boundary)
          .append("\"\r\n");
      this.constantHeaders = h.toString();
      this.text = new Part(digest.text(), digest.lang(), urls::unsubscribeLink);
      this.html =
          new Part(
              digest.html(),
              digest.lang(),
              (lang, token) -> DigestBuilder.escape(urls.unsubscribeLink(lang, token)));
      this.start = ascii("--" + boundary + "\r\n" + partHeaders("plain"));
      this.between = ascii("\r\n--" + boundary + "\r\n" + partHeaders("html"));
      this.end = ascii("\r\n--" + boundary + "--\r\n");
    }

    /** The copy for {@code to}, dated {@code nowMillis}, signed when we sign. */
    public RawMessage render(Subscriber to, long nowMillis) {
      String unsubscribe = urls.unsubscribeLink(to.lang(), to.unsubscribeToken());
      String headers =
          "Date: "
              + MailHeaders.date(nowMillis)
              + "\r\nTo: "
              + to.email()
              + "\r\nMessage-ID: "
              + messageId(digestId, to.id())
              + "\r\n"
              // One line (under 998 characters): clients that show an unsubscribe button
              // read it best unfolded.
              + "List-Unsubscribe: <"
              + unsubscribe
              + ">, <mailto:"
              + identity.from().getAddress()
              + "?subject=unsubscribe>\r\n"
              + constantHeaders;
      ByteArrayOutputStream body = new ByteArrayOutputStream(text.size() + html.size() + 512);
      body.writeBytes(start);
      text.writeTo(body, to.lang(), to.unsubscribeToken());
      body.writeBytes(between);
      html.writeTo(body, to.lang(), to.unsubscribeToken());
      body.writeBytes(end);
      return signer.sign(new RawMessage(ascii(headers), body.toByteArray()));
    }

    private static String partHeaders(String subtype) {
      return "Content-Type: text/"
          + subtype
          + "; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
    }
  }

  /**
   * One text part: encoded once up to its first unsubscribe link; from there on, per copy. Tokens
   * of one length give tails of one length with the token's characters at the same places (they are
   * all literal in quoted-printable and in HTML), so the tail is encoded once per token length and
   * each copy only puts its own token's characters in: encoding each copy's tail was a fifth of a
   * send's CPU besides signing. Any other token is encoded the slow way.
   */
  private static final class Part {
    private static final Pattern PLAIN_TOKEN = Pattern.compile("[A-Za-z0-9_-]+");

    private final QuotedPrintable before;
    private final byte[] encodedBefore;

    /** From the first link on; null when the part has no link (then it is all constant). */
    private final String rest;

    /** The link as this part shows it, by language and token. */
    private final BiFunction<Language, String, String> link;

    /** The digest's edition: its subscribers' language, whose tails are encoded once. */
    private final Language lang;

    private final Map<Integer, Optional<Tail>> tails = new ConcurrentHashMap<>();

    /** An encoded tail for tokens of one length, and where each of their characters goes. */
    private record Tail(byte[] bytes, int[] positions) {
      byte[] with(String token) {
        byte[] copy = bytes.clone();
        for (int i = 0; i < positions.length; i++) {
          copy[positions[i]] = (byte) token.charAt(i % token.length());
        }
        return copy;
      }
    }

    Part(String source, Language lang, BiFunction<Language, String, String> link) {
      int at = source.indexOf(DigestContent.UNSUBSCRIBE);
      this.rest = at < 0 ? null : source.substring(at);
      this.link = link;
      this.lang = lang;
      this.before = new QuotedPrintable().write(at < 0 ? source : source.substring(0, at));
      this.encodedBefore = rest == null ? before.copy().finish() : before.written();
    }

    int size() {
      return encodedBefore.length + 256;
    }

    void writeTo(ByteArrayOutputStream out, Language subscriberLang, String token) {
      out.writeBytes(encodedBefore);
      if (rest == null) {
        return;
      }
      Optional<Tail> tail =
          subscriberLang != lang || token.isEmpty() || !PLAIN_TOKEN.matcher(token).matches()
              ? Optional.empty()
              : tails.computeIfAbsent(token.length(), this::tailFor);
      out.writeBytes(
          tail.isPresent() ? tail.get().with(token) : encodedTail(subscriberLang, token));
    }

    private byte[] encodedTail(Language subscriberLang, String token) {
      return before
          .copy()
          .write(rest.replace(DigestContent.UNSUBSCRIBE, link.apply(subscriberLang, token)))
          .finish();
    }

    /**
     * Encodes the tail with two tokens that differ in every character; the places where the results
     * differ are the token's, occurrence after occurrence. Checked against a third token before it
     * is used; empty when anything does not line up.
     */
    private Optional<Tail> tailFor(int length) {
      byte[] a = encodedTail(lang, "A".repeat(length));
      byte[] b = encodedTail(lang, "B".repeat(length));
      if (a.length != b.length) {
        return Optional.empty();
      }
      int[] positions = new int[a.length];
      int n = 0;
      for (int i = 0; i < a.length; i++) {
        if (a[i] != b[i]) {
          positions[n++] = i;
        }
      }
      if (n == 0 || n % length != 0) {
        return Optional.empty();
      }
      Tail tail = new Tail(a, Arrays.copyOf(positions, n));
      StringBuilder probe = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        probe.append("0123456789_-xyz".charAt(i % 15));
      }
      String check = probe.toString();
      return Arrays.equals(tail.with(check), encodedTail(lang, check))
          ? Optional.of(tail)
          : Optional.empty();
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}

package org.tamizdat.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.tamizdat.article.Language;
import org.tamizdat.config.MailSettings;

/** A rendered copy, read back by the MIME library, is exactly the digest with its own link. */
class DigestMessagesTest {
  static final MailIdentity IDENTITY =
      MailIdentity.of(
          new MailSettings(
              Optional.of("Фонарь <digest@lantern.example>"),
              Optional.of("desk@lantern.example"),
              Optional.empty(),
              2,
              20));
  static final String TEXT =
      "Фонарь: неделя с 18 ноября\n\n"
          + "A line with  two spaces, a trailing space \n"
          + ".a line that starts with a dot, and = signs == here\n"
          + "x".repeat(200)
          + "\n\t tab and space at the end\t\n-- \n"
          + "Отписаться: "
          + DigestContent.UNSUBSCRIBE
          + "\nand again: "
          + DigestContent.UNSUBSCRIBE
          + "\n";
  static final String HTML =
      "<!DOCTYPE html><html lang=\"ru\"><body style=\"margin:0\"><p>«Статья» — "
          + "y".repeat(300)
          + "</p><a href=\""
          + DigestContent.UNSUBSCRIBE
          + "\">Отписаться</a></body></html>";

  final DigestMessages messages =
      new DigestMessages(IDENTITY, new NewsletterUrls(URI.create("https://lantern.example")));
  final DigestContent digest =
      new DigestContent(Language.RU, 0, 1, "Фонарь: неделя с 18 ноября — «итоги»", TEXT, HTML);

  static MimeMessage parse(RawMessage raw) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    raw.writeTo(bytes);
    return new MimeMessage(
        Session.getInstance(new Properties()), new ByteArrayInputStream(bytes.toByteArray()));
  }

  @Test
  void eachCopyDecodesToTheDigestWithThatSubscribersLink() throws Exception {
    DigestMessages.Template template = messages.template(7, digest);
    for (String token : new String[] {"short", "a-much-longer-token-" + "z".repeat(60)}) {
      Subscriber to =
          new Subscriber(42, "reader@example.org", Language.RU, SubscriberState.ACTIVE, token, 0);
      RawMessage raw = template.render(to, 1_764_000_000_000L);
      MimeMessage m = parse(raw);
      String link = "https://lantern.example/ru/unsubscribe?token=" + token;
      assertEquals("Фонарь: неделя с 18 ноября — «итоги»", m.getSubject());
      assertEquals("<digest-7.42@lantern.example>", m.getMessageID());
      assertEquals("reader@example.org", m.getAllRecipients()[0].toString());
      jakarta.mail.internet.InternetAddress from =
          (jakarta.mail.internet.InternetAddress) m.getFrom()[0];
      assertEquals("Фонарь", from.getPersonal());
      assertEquals("digest@lantern.example", from.getAddress());
      assertEquals("desk@lantern.example", m.getReplyTo()[0].toString());
      assertEquals(1_764_000_000_000L, m.getSentDate().getTime());
      assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post", null));
      assertEquals("<digest-ru.lantern.example>", m.getHeader("List-Id", null));
      MimeMultipart parts = (MimeMultipart) m.getContent();
      assertTrue(parts.getContentType().startsWith("multipart/alternative"));
      assertEquals(
          TEXT.replace(DigestContent.UNSUBSCRIBE, link),
          ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"),
          "text lines end in CRLF on the wire, else the same");
      assertEquals(
          HTML.replace(DigestContent.UNSUBSCRIBE, DigestBuilder.escape(link)),
          parts.getBodyPart(1).getContent());
    }
  }

  /**
   * Copies reuse a tail encoded once per token length; every length, and tokens that cannot take
   * that path (a dot, an equals sign, a letter outside ASCII), decode to their own link.
   */
  @Test
  void everyTokenGetsItsOwnLinkWhateverItsLengthOrCharacters() throws Exception {
    DigestMessages.Template template = messages.template(7, digest);
    java.util.Random random = new java.util.Random(5);
    String plain = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    java.util.List<String> tokens = new java.util.ArrayList<>();
    for (int length = 1; length <= 90; length++) {
      for (int copy = 0; copy < 2; copy++) {
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < length; i++) {
          token.append(plain.charAt(random.nextInt(plain.length())));
        }
        tokens.add(token.toString());
      }
    }
    tokens.addAll(java.util.List.of("a.b", "x=y", "café", ".dot", "AAAA", "BBBB"));
    for (String token : tokens) {
      Subscriber to =
          new Subscriber(42, "reader@example.org", Language.RU, SubscriberState.ACTIVE, token, 0);
      MimeMultipart parts = (MimeMultipart) parse(template.render(to, 0)).getContent();
      String link = "https://lantern.example/ru/unsubscribe?token=" + token;
      assertEquals(
          TEXT.replace(DigestContent.UNSUBSCRIBE, link),
          ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"),
          token);
      assertEquals(
          HTML.replace(DigestContent.UNSUBSCRIBE, DigestBuilder.escape(link)),
          parts.getBodyPart(1).getContent(),
          token);
    }
  }

  @Test
  void theMessageIsSevenBitWithShortLinesAndNoLineStartingWithADot() {
    Subscriber to = new Subscriber(1, "r@example.org", Language.RU, SubscriberState.ACTIVE, "t", 0);
    String raw = messages.template(1, digest).render(to, 0).toString();
    assertTrue(raw.chars().allMatch(c -> c < 128), "7-bit");
    for (String line : raw.split("\r\n", -1)) {
      assertFalse(line.contains("\n") || line.contains("\r"), "bare line end in " + line);
      assertFalse(line.startsWith("."), line);
      assertTrue(line.length() <= 998, line);
      if (!line.startsWith("List-Unsubscribe:")) {
        assertTrue(line.length() <= 78, line.length() + ": " + line);
      }
    }
  }

  @Test
  void quotedPrintableContinuedFromACopyEqualsOnePass() {
    String text = TEXT + HTML + " \n  \nend ";
    for (int split = 0; split <= text.length(); split += 7) {
      QuotedPrintable first = new QuotedPrintable().write(text.substring(0, split));
      byte[] head = first.written();
      byte[] tail = first.copy().write(text.substring(split)).finish();
      String joined =
          new String(head, StandardCharsets.US_ASCII) + new String(tail, StandardCharsets.US_ASCII);
      assertEquals(
          new String(new QuotedPrintable().write(text).finish(), StandardCharsets.US_ASCII),
          joined,
          "split at " + split);
    }
  }
}

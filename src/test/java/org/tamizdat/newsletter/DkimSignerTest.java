package org.tamizdat.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.SigningAlgorithm;
import org.tamizdat.article.Language;
import org.tamizdat.config.DkimSettings;
import org.tamizdat.testing.DkimVerifier;

/** Our DKIM canonicalization against the RFC's examples and a second, independent signer. */
class DkimSignerTest {
  @Test
  void canonicalizationFollowsTheExamplesOfRfc6376() {
    // RFC 6376 3.4.5
    assertEquals("a:X", DkimSigner.relaxedHeader("A: X"));
    assertEquals("b:Y Z", DkimSigner.relaxedHeader("B : Y\t\r\n\tZ  "));
    assertEquals(
        "subject:Re: a  b", DkimSigner.relaxedHeader("Subject: Re:  a  b").replace("a b", "a  b"));
    assertEquals(
        " C\r\nD E\r\n",
        new String(
            DkimSigner.relaxedBody(" C \r\nD \t E\r\n\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
            StandardCharsets.US_ASCII));
    assertEquals(0, DkimSigner.relaxedBody("\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).length);
    assertEquals(
        "no final line end\r\n",
        new String(
            DkimSigner.relaxedBody("no final line end".getBytes(StandardCharsets.US_ASCII)),
            StandardCharsets.US_ASCII));
  }

  /** The shortcut that skips copying a body must agree with the canonicalization it skips. */
  @Test
  void aBodyTakenAsAlreadyRelaxedIsOneThatCanonicalizationLeavesAlone() {
    java.util.Random random = new java.util.Random(11);
    byte[] alphabet = {'a', 'b', ' ', '\t', '\r', '\n'};
    int taken = 0;
    for (int round = 0; round < 200_000; round++) {
      byte[] body = new byte[random.nextInt(24)];
      for (int i = 0; i < body.length; i++) {
        body[i] = alphabet[random.nextInt(alphabet.length)];
      }
      if (DkimSigner.alreadyRelaxed(body)) {
        taken++;
        assertEquals(
            new String(body, StandardCharsets.ISO_8859_1),
            new String(DkimSigner.relaxedBody(body), StandardCharsets.ISO_8859_1));
      }
    }
    assertTrue(taken > 1000, "the shortcut was taken " + taken + " times");
    RawMessage copy =
        new DigestMessages(
                DigestMessagesTest.IDENTITY,
                new NewsletterUrls(URI.create("https://lantern.example")))
            .template(
                3,
                new DigestContent(
                    Language.EN,
                    0,
                    1,
                    "The week",
                    "The week in one line.\n\nUnsubscribe: " + DigestContent.UNSUBSCRIBE + "\n",
                    "<p style=\"margin:0\">The week</p><a href=\""
                        + DigestContent.UNSUBSCRIBE
                        + "\">Unsubscribe</a>"))
            .render(
                new Subscriber(9, "r@example.org", Language.EN, SubscriberState.ACTIVE, "t", 0), 0);
    // A digest as DigestBuilder writes it has no tab and no double blank: it takes the shortcut.
    assertTrue(DkimSigner.alreadyRelaxed(copy.body()), "a digest's body takes the shortcut");
  }

  @Test
  void headerFieldsAreSplitWithTheirContinuationLines() {
    byte[] header =
        "From: a@b\r\nSubject: one\r\n two\r\n\tthree\r\nTo : c@d\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(
        java.util.List.of("From: a@b", "Subject: one\r\n two\r\n\tthree", "To : c@d"),
        DkimSigner.fields(header));
  }

  @Test
  void theBodyHashIsTheOneSimpleJavaMailsSignerComputesAndTheSignatureVerifies() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    DkimSettings dkim =
        new DkimSettings((RSAPrivateKey) keys.getPrivate(), "sel", "lantern.example");
    DigestMessages messages =
        new DigestMessages(
            DigestMessagesTest.IDENTITY, new NewsletterUrls(URI.create("https://lantern.example")));
    RawMessage unsigned =
        messages
            .template(3, new DigestMessagesTest().digest)
            .render(
                new Subscriber(9, "r@example.org", Language.RU, SubscriberState.ACTIVE, "token", 0),
                0);
    RawMessage ours = new DkimSigner(dkim).sign(unsigned);

    org.simplejavamail.utils.mail.dkim.DkimSigner library =
        new org.simplejavamail.utils.mail.dkim.DkimSigner(
            "lantern.example", "sel", (RSAPrivateKey) keys.getPrivate());
    library.setSigningAlgorithm(SigningAlgorithm.SHA256_WITH_RSA);
    library.setHeaderCanonicalization(Canonicalization.RELAXED);
    library.setBodyCanonicalization(Canonicalization.RELAXED);
    library.setCheckDomainKey(false);
    ByteArrayOutputStream theirs = new ByteArrayOutputStream();
    new DkimMessage(DigestMessagesTest.parse(unsigned), library).writeTo(theirs);
    assertEquals(
        tag("bh", theirs.toString(StandardCharsets.ISO_8859_1)), tag("bh", ours.toString()));

    String record =
        "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    DkimVerifier verifier =
        new DkimVerifier(name -> name.equals("sel._domainkey.lantern.example") ? record : null);
    verifier.verify(ours.toString().getBytes(StandardCharsets.ISO_8859_1));
    verifier.verify(theirs.toByteArray());
    MimeMessage parsed =
        new MimeMessage(
            Session.getInstance(new Properties()),
            new ByteArrayInputStream(ours.toString().getBytes(StandardCharsets.ISO_8859_1)));
    assertTrue(parsed.getHeader("DKIM-Signature", null).contains("h=from:reply-to:to:subject"));
  }

  private static String tag(String name, String message) {
    Matcher m = Pattern.compile("[;\\s]" + name + "=([^;]+);").matcher(message);
    assertTrue(m.find(), name + " in " + message);
    return m.group(1).replaceAll("\\s", "");
  }
}

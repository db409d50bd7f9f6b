package org.tamizdat.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.article.Language;
import org.tamizdat.config.ConfigLoader;
import org.tamizdat.config.DkimSettings;
import org.tamizdat.testing.DkimVerifier;
import org.tamizdat.testing.TestDatabase;
import org.tamizdat.testing.TestMailServer;

/** A digest as GreenMail received it verifies against the public key in a (test) DNS record. */
class DkimSignatureTest extends DigestTestBase {
  @TempDir Path dir;

  @Override
  TestDatabase newDatabase() {
    return TestDatabase.sqlite(dir);
  }

  @Test
  void aSentDigestCarriesAValidSignatureOverBodyAndUnsubscribeHeaders() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    Path keyFile = dir.resolve("dkim.pem");
    Files.writeString(
        keyFile,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    DkimSettings dkim =
        ConfigLoader.load(
                Map.of(
                    "TAMIZDAT_DKIM_KEY_FILE", keyFile.toString(),
                    "TAMIZDAT_DKIM_SELECTOR", "digest2026",
                    "TAMIZDAT_DKIM_DOMAIN", "lantern.example"),
                Optional.empty())
            .newsletter()
            .dkim()
            .orElseThrow();
    publish(Language.RU, "statya", "Статья с «кавычками»", NOW.minus(Duration.ofDays(2)));
    active("reader@example.org", Language.RU);
    digests.queue(Language.RU, Optional.empty());
    DigestMessages signed = new DigestMessages(identity, urls, new DkimSigner(dkim));
    String record =
        "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    DkimVerifier verifier =
        new DkimVerifier(
            name -> name.equals("digest2026._domainkey.lantern.example") ? record : null);
    try (TestMailServer mail = new TestMailServer()) {
      DigestSender.Result result = sender(mail.port(), signed).run(r -> {});
      assertEquals(
          1,
          result.sent(),
          () ->
              result
                  + " "
                  + database.read(h ->
                      h.createQuery("SELECT last_reply FROM digest_outbox")
                          .mapTo(String.class)
                          .list()));
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      mail.await(1)[0].writeTo(raw);
      String text = raw.toString(StandardCharsets.ISO_8859_1);
      String signature = text.substring(text.indexOf("DKIM-Signature:"));
      assertTrue(signature.contains("d=lantern.example"), signature);
      assertTrue(signature.contains("s=digest2026"), signature);
      String h = signature.substring(signature.indexOf("h=")).replaceAll("\\s", "").toLowerCase();
      assertTrue(h.contains("list-unsubscribe-post") && h.contains("message-id"), h);
      verifier.verify(raw.toByteArray());
      byte[] tampered = text.replace("statya", "statyb").getBytes(StandardCharsets.ISO_8859_1);
      assertThrows(GeneralSecurityException.class, () -> verifier.verify(tampered));
    }
  }
}

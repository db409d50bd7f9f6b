package org.tamizdat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The newsletter's settings: defaults, parsing, and errors that name the setting. */
class NewsletterSettingsTest {
  static NewsletterSettings load(Map<String, String> env) {
    return ConfigLoader.load(env, Optional.empty()).newsletter();
  }

  static String error(Map<String, String> env) {
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(env, Optional.empty()))
        .getMessage();
  }

  @Test
  void digestsGoOutOnMondayMorningUnlessSetOtherwise() {
    NewsletterSettings defaults = load(Map.of());
    assertEquals(Optional.of(WeeklySlot.parse("MON 09:00")), defaults.scheduleEn());
    NewsletterSettings set =
        load(
            Map.of(
                "TAMIZDAT_DIGEST_SCHEDULE_EN", "off", "TAMIZDAT_DIGEST_SCHEDULE_RU", "sat 18:30"));
    assertEquals(Optional.empty(), set.scheduleEn());
    assertEquals(Optional.of(WeeklySlot.parse("SAT 18:30")), set.scheduleRu());
    String message = error(Map.of("TAMIZDAT_DIGEST_SCHEDULE_RU", "someday"));
    assertTrue(message.contains("TAMIZDAT_DIGEST_SCHEDULE_RU: must be a day and a time"), message);
  }

  @Test
  void dkimNeedsAllThreeSettingsAndAReadableKey(@TempDir Path dir) throws Exception {
    String half = error(Map.of("TAMIZDAT_DKIM_SELECTOR", "s1"));
    assertTrue(half.contains("set all three or none"), half);
    Path junk = dir.resolve("junk.pem");
    Files.writeString(junk, "not a key");
    String bad =
        error(
            Map.of(
                "TAMIZDAT_DKIM_KEY_FILE", junk.toString(),
                "TAMIZDAT_DKIM_SELECTOR", "bad selector",
                "TAMIZDAT_DKIM_DOMAIN", "example.org"));
    assertTrue(bad.contains("TAMIZDAT_DKIM_KEY_FILE: must be a PEM PKCS#8 RSA key"), bad);
    assertTrue(bad.contains("TAMIZDAT_DKIM_SELECTOR: must be a DNS name"), bad);
    String missing =
        error(
            Map.of(
                "TAMIZDAT_DKIM_KEY_FILE", dir.resolve("none.pem").toString(),
                "TAMIZDAT_DKIM_SELECTOR", "s1",
                "TAMIZDAT_DKIM_DOMAIN", "example.org"));
    assertTrue(missing.contains("TAMIZDAT_DKIM_KEY_FILE: cannot be read"), missing);
    assertTrue(load(Map.of()).dkim().isEmpty());
  }

  @Test
  void theBounceMailboxIsAnImapOrPop3UrlWithCredentials() {
    assertEquals(
        "imaps://u:p@mail.example:993/INBOX",
        load(Map.of("TAMIZDAT_BOUNCE_MAILBOX_URL", "imaps://u:p@mail.example:993/INBOX"))
            .bounceMailbox()
            .orElseThrow()
            .toString());
    String noScheme = error(Map.of("TAMIZDAT_BOUNCE_MAILBOX_URL", "http://u:p@mail.example/"));
    assertTrue(noScheme.contains("TAMIZDAT_BOUNCE_MAILBOX_URL: must be an absolute"), noScheme);
    String noUser = error(Map.of("TAMIZDAT_BOUNCE_MAILBOX_URL", "pop3s://mail.example"));
    assertTrue(noUser.contains("must name a user and password"), noUser);
  }

  @Test
  void concurrencyAndRateLimit() {
    NewsletterSettings defaults = load(Map.of());
    assertEquals(4, defaults.concurrency());
    assertEquals(0.0, defaults.ratePerSecond());
    NewsletterSettings set =
        load(Map.of("TAMIZDAT_MAIL_CONCURRENCY", "8", "TAMIZDAT_MAIL_RATE_PER_SECOND", "12.5"));
    assertEquals(8, set.concurrency());
    assertEquals(12.5, set.ratePerSecond());
    String bad =
        error(Map.of("TAMIZDAT_MAIL_CONCURRENCY", "0", "TAMIZDAT_MAIL_RATE_PER_SECOND", "-1"));
    assertTrue(bad.contains("TAMIZDAT_MAIL_CONCURRENCY: must be a whole number"), bad);
    assertTrue(bad.contains("TAMIZDAT_MAIL_RATE_PER_SECOND: must be a number"), bad);
  }

  @Test
  void mirrorsAreAbsoluteHttpUrls() {
    assertEquals(List.of(), load(Map.of()).mirrors());
    assertEquals(
        List.of(URI.create("https://mirror.example"), URI.create("http://abc.onion")),
        load(Map.of("TAMIZDAT_MIRRORS", " https://mirror.example/ , http://abc.onion")).mirrors());
    String bad = error(Map.of("TAMIZDAT_MIRRORS", "https://ok.example,mirror.example"));
    assertTrue(bad.contains("TAMIZDAT_MIRRORS: 'mirror.example' must be an absolute"), bad);
  }
}

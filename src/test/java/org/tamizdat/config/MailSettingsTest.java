package org.tamizdat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailSettingsTest {
  static Config load(Map<String, String> env) {
    return ConfigLoader.load(env, Optional.empty());
  }

  @Test
  void senderIdentityIsReadAndDefaultsAreDocumented() {
    Config config =
        load(
            Map.of(
                "TAMIZDAT_SMTP_URL", "smtp://127.0.0.1:2525",
                "TAMIZDAT_MAIL_FROM", "The Lantern <digest@lantern.example>",
                "TAMIZDAT_MAIL_REPLY_TO", "desk@lantern.example",
                "TAMIZDAT_MAIL_RETURN_PATH", "bounces@lantern.example"));
    MailSettings mail = config.mail();
    assertEquals(Optional.of("The Lantern <digest@lantern.example>"), mail.from());
    assertEquals(Optional.of("desk@lantern.example"), mail.replyTo());
    assertEquals(Optional.of("bounces@lantern.example"), mail.returnPath());
    assertEquals(3, mail.bounceLimit());
    assertEquals(20, mail.subscribeRateLimit());
  }

  @Test
  void aSenderIsRequiredOnceSmtpIsSetAndBadAddressesAreNamed() {
    ConfigException missing =
        assertThrows(
            ConfigException.class, () -> load(Map.of("TAMIZDAT_SMTP_URL", "smtp://127.0.0.1")));
    assertEquals(
        List.of("TAMIZDAT_MAIL_FROM: required when TAMIZDAT_SMTP_URL is set"), missing.problems());
    ConfigException bad =
        assertThrows(
            ConfigException.class,
            () ->
                load(
                    Map.of(
                        "TAMIZDAT_MAIL_FROM", "not an address",
                        "TAMIZDAT_MAIL_RETURN_PATH", "Name <b@example.org>",
                        "TAMIZDAT_MAIL_BOUNCE_LIMIT", "0",
                        "TAMIZDAT_SUBSCRIBE_RATE_LIMIT", "many")));
    assertEquals(4, bad.problems().size(), bad.problems().toString());
    assertEquals(
        "TAMIZDAT_MAIL_FROM: must be an address like 'Newsroom <digest@example.org>', got 'not an"
            + " address'",
        bad.problems().get(0));
    assertEquals(
        "TAMIZDAT_MAIL_RETURN_PATH: must be a bare address like bounces@example.org, got 'Name"
            + " <b@example.org>'",
        bad.problems().get(1));
  }
}

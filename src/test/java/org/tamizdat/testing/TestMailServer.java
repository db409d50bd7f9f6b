package org.tamizdat.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GreenMail's SMTP server on a free loopback port, with what the app needs to reach it. */
public final class TestMailServer implements AutoCloseable {
  private final GreenMail greenMail;

  public TestMailServer() {
    greenMail =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    greenMail.start();
  }

  public int port() {
    return greenMail.getSmtp().getPort();
  }

  /** TAMIZDAT_* settings (without prefix) that send through this server. */
  public Map<String, String> settings() {
    return Map.of(
        "SMTP_URL", "smtp://127.0.0.1:" + port(),
        "MAIL_FROM", "The Northern Lantern <digest@lantern.example>",
        "MAIL_RETURN_PATH", "bounces@lantern.example");
  }

  /** Waits for {@code count} messages in all; returns every message received so far. */
  public MimeMessage[] await(int count) {
    if (!greenMail.waitForIncomingEmail(10_000, count)) {
      throw new AssertionError(
          "expected " + count + " messages, got " + greenMail.getReceivedMessages().length);
    }
    return greenMail.getReceivedMessages();
  }

  public MimeMessage[] received() {
    return greenMail.getReceivedMessages();
  }

  /** The first match of {@code regex}'s group 1 in the message's text. */
  public static String find(MimeMessage message, String regex) {
    try {
      Object content = message.getContent();
      String text =
          content instanceof String s
              ? s
              : com.icegreen.greenmail.util.GreenMailUtil.getBody(message);
      Matcher m = Pattern.compile(regex).matcher(text);
      if (!m.find()) {
        throw new AssertionError("no " + regex + " in " + text);
      }
      return m.group(1);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    greenMail.stop();
  }
}

package org.tamizdat.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tamizdat.article.ArticleRepository;
import org.tamizdat.article.Language;
import org.tamizdat.site.Messages;
import org.tamizdat.testing.ScriptedSmtpServer;
import org.tamizdat.testing.TestMailServer;

/** Building, queueing and sending digests, on each engine, to local SMTP servers. */
abstract class DigestContract extends DigestTestBase {
  @Test
  void theDigestHasTheWeeksArticlesInOrderAndAnEmptyWeekHasNone() {
    assertTrue(digests.build(Language.EN, Optional.empty()).isEmpty());
    publish(Language.EN, "second", "Second \"story\"", NOW.minus(Duration.ofDays(2)));
    publish(Language.EN, "first", "First story", NOW.minus(Duration.ofDays(5)));
    publish(Language.EN, "too-old", "Old story", NOW.minus(Duration.ofDays(9)));
    publish(Language.EN, "today", "Today's story", NOW.minus(Duration.ofHours(1)));
    publish(Language.RU, "russkaya", "Русская", NOW.minus(Duration.ofDays(2)));
    DigestContent d = digests.build(Language.EN, Optional.of("A hard week.")).orElseThrow();
    assertEquals("Lantern: the week from November 18", d.subject());
    assertTrue(d.text().indexOf("First story") < d.text().indexOf("Second “story”"), d.text());
    assertFalse(d.text().contains("Old story") || d.text().contains("Today"), d.text());
    assertFalse(d.text().contains("Русская"));
    assertTrue(d.text().contains("By Ada Fenn"));
    assertTrue(d.text().contains("https://lantern.example/en/first"));
    assertTrue(d.text().startsWith("Lantern: the week from November 18\n\nA hard week."));
    assertTrue(d.html().contains("href=\"https://lantern.example/en/second\""));
    assertTrue(d.html().contains("Second “story”"));
    assertFalse(
        d.html().contains("<img") || d.html().contains("<style") || d.html().contains("<script"));
  }

  @Test
  void eachSubscriberGetsAMultipartMessageWithUnsubscribeHeadersAndAFixedMessageId()
      throws Exception {
    publish(Language.RU, "statya", "Статья", NOW.minus(Duration.ofDays(3)));
    Subscriber reader = active("reader@example.org", Language.RU);
    active("english@example.org", Language.EN);
    active("other@example.org", Language.RU);
    Digests.Queued queued = digests.queue(Language.RU, Optional.empty()).orElseThrow();
    assertEquals(2, queued.added());
    assertEquals(0, digests.queue(Language.RU, Optional.empty()).orElseThrow().added());
    try (TestMailServer mail = new TestMailServer()) {
      DigestSender.Result result = sender(mail.port()).run(r -> {});
      assertEquals(new DigestSender.Result(2, 0, 0), result);
      MimeMessage[] received = mail.await(2);
      MimeMessage m =
          received[0].getAllRecipients()[0].toString().equals("reader@example.org")
              ? received[0]
              : received[1];
      String link = "https://lantern.example/ru/unsubscribe?token=" + reader.unsubscribeToken();
      assertEquals(
          "<" + link + ">, <mailto:digest@lantern.example?subject=unsubscribe>",
          m.getHeader("List-Unsubscribe", null));
      assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post", null));
      assertEquals(
          "<digest-" + queued.digestId() + "." + reader.id() + "@lantern.example>",
          m.getMessageID());
      assertEquals("desk@lantern.example", m.getReplyTo()[0].toString());
      assertEquals("Фонарь: неделя с 18 ноября", m.getSubject());
      MimeMultipart parts = (MimeMultipart) m.getContent();
      assertTrue(parts.getContentType().startsWith("multipart/alternative"));
      assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
      assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
      assertTrue(((String) parts.getBodyPart(0).getContent()).contains(link));
      assertTrue(((String) parts.getBodyPart(1).getContent()).contains("href=\"" + link + "\""));
    }
    assertEquals(Map.of("sent", 2), outbox.counts(queued.digestId()));
  }

  @Test
  void suppressionIsCheckedAtSendTime() throws Exception {
    publish(Language.EN, "story", "Story", NOW.minus(Duration.ofDays(3)));
    Subscriber leaving = active("leaving@example.org", Language.EN);
    active("staying@example.org", Language.EN);
    long digest = digests.queue(Language.EN, Optional.empty()).orElseThrow().digestId();
    database.write(h -> {
      subscribers.changeState(
          h, leaving.id(), SubscriberState.UNSUBSCRIBED, "test", clock.millis(), Language.EN);
      return null;
    });
    try (TestMailServer mail = new TestMailServer()) {
      assertEquals(1, sender(mail.port()).run(r -> {}).sent());
      assertEquals("staying@example.org", mail.await(1)[0].getAllRecipients()[0].toString());
    }
    assertEquals(Map.of("sent", 1, "suppressed", 1), outbox.counts(digest));
  }

  @Test
  void temporaryFailuresRetryWithBackOffAndPermanentOnesCountAsBounces() throws Exception {
    publish(Language.EN, "story", "Story", NOW.minus(Duration.ofDays(3)));
    active("ok@example.org", Language.EN);
    active("temp@example.org", Language.EN);
    Subscriber perm = active("perm@example.org", Language.EN);
    long digest = digests.queue(Language.EN, Optional.empty()).orElseThrow().digestId();
    try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
      assertEquals(new DigestSender.Result(1, 1, 1), sender(smtp.port()).run(r -> {}));
      assertEquals(List.of("ok@example.org"), smtp.delivered());
      assertEquals(new DigestSender.Result(0, 0, 0), sender(smtp.port()).run(r -> {}), "not yet");
      clock.advance(DigestSender.RETRY_AFTER.get(0));
      assertEquals(new DigestSender.Result(0, 1, 0), sender(smtp.port()).run(r -> {}));
    }
    assertEquals(Map.of("failed", 1, "queued", 1, "sent", 1), outbox.counts(digest));
    Subscriber after = database.read(h -> subscribers.find(h, perm.id())).orElseThrow();
    assertEquals(1, after.bounceCount());
    assertEquals(SubscriberState.ACTIVE, after.state(), "one bounce is below the limit of 2");
  }

  @Test
  void overAPipeliningServerRefusalsStillGetTheirOwnAnswersAndNothingIsDeliveredForThem()
      throws Exception {
    publish(Language.EN, "story", "Story", NOW.minus(Duration.ofDays(3)));
    for (int i = 0; i < 30; i++) {
      active(
          (i % 10 == 3 ? "temp" : i % 10 == 7 ? "perm" : "ok") + i + "@example.org", Language.EN);
    }
    long digest = digests.queue(Language.EN, Optional.empty()).orElseThrow().digestId();
    try (ScriptedSmtpServer smtp = new ScriptedSmtpServer(true)) {
      assertEquals(new DigestSender.Result(24, 3, 3), sender(smtp.port()).run(r -> {}));
      assertEquals(24, new HashSet<>(smtp.delivered()).size());
      assertTrue(
          smtp.delivered().stream().allMatch(r -> r.startsWith("ok")), smtp.delivered()::toString);
      assertEquals(1, smtp.connections());
      assertEquals(30, smtp.pipelinedCommands(), "MAIL, RCPT and DATA went out together");
    }
    assertEquals(Map.of("failed", 3, "queued", 3, "sent", 24), outbox.counts(digest));
  }

  @Test
  void oneConnectionCarriesManyMessages() throws Exception {
    publish(Language.EN, "story", "Story", NOW.minus(Duration.ofDays(3)));
    for (int i = 0; i < 120; i++) {
      active("reader" + i + "@example.org", Language.EN);
    }
    digests.queue(Language.EN, Optional.empty());
    try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
      assertEquals(120, sender(smtp.port()).run(r -> {}).sent());
      assertEquals(120, new HashSet<>(smtp.delivered()).size());
      assertEquals(1, smtp.connections());
    }
  }

  @Test
  void concurrentClaimsNeverShareARowAndExpiredLeasesAreClaimedAgain() {
    publish(Language.EN, "story", "Story", NOW.minus(Duration.ofDays(3)));
    for (int i = 0; i < 5; i++) {
      active("c" + i + "@example.org", Language.EN);
    }
    digests.queue(Language.EN, Optional.empty());
    long now = clock.millis();
    List<Outbox.Claim> first = outbox.claim(3, now, now + 60_000);
    List<Outbox.Claim> second = outbox.claim(10, now, now + 60_000);
    Set<Long> ids = new HashSet<>();
    first.forEach(c -> ids.add(c.subscriber().id()));
    second.forEach(c -> ids.add(c.subscriber().id()));
    assertEquals(3, first.size());
    assertEquals(2, second.size());
    assertEquals(5, ids.size());
    assertTrue(outbox.claim(10, now, now + 60_000).isEmpty());
    assertEquals(5, outbox.claim(10, now + 60_001, now + 120_000).size(), "lease ran out");
  }

  @Test
  void workersSendInParallelEachOnItsOwnConnectionWithinTheRateLimit() throws Exception {
    publish(Language.EN, "story", "Story", NOW.minus(Duration.ofDays(3)));
    for (int i = 0; i < 60; i++) {
      active("w" + i + "@example.org", Language.EN);
    }
    digests.queue(Language.EN, Optional.empty());
    try (ScriptedSmtpServer smtp = new ScriptedSmtpServer()) {
      DigestSender parallel =
          new DigestSender(
              database,
              outbox,
              new DigestRepository(),
              new DigestMessages(identity, urls),
              () -> new SmtpSender(URI.create("smtp://127.0.0.1:" + smtp.port()), "b@x.example"),
              2,
              Duration.ofMinutes(5),
              3,
              100,
              clock);
      long start = System.nanoTime();
      assertEquals(60, parallel.run(r -> {}).sent());
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(60, new HashSet<>(smtp.delivered()).size());
      assertEquals(60, smtp.delivered().size());
      assertTrue(smtp.connections() <= 3, smtp.connections() + " connections");
      assertTrue(millis >= 550, "60 messages at 100/s take about 0.6 s, took " + millis + " ms");
    }
  }

  @Test
  void theFooterListsTheMirrors() {
    publish(Language.RU, "statya", "Статья", NOW.minus(Duration.ofDays(3)));
    DigestBuilder builder =
        new DigestBuilder(
            DigestArticles.of(new ArticleRepository(database, clock)::publishedBetween, a -> "x"),
            new Messages()::format,
            Map.of(Language.EN, "Lantern", Language.RU, "Фонарь"),
            ZONE,
            List.of(URI.create("https://mirror.example"), URI.create("http://abc.onion")));
    DigestContent d =
        builder
            .build(Language.RU, NOW.minus(Duration.ofDays(7)), NOW, Optional.empty())
            .orElseThrow();
    assertTrue(
        d.text()
            .contains("читайте нас по этим адресам:\nhttps://mirror.example\nhttp://abc.onion\n"),
        d.text());
    assertTrue(d.html().contains("href=\"http://abc.onion\""), d.html());
  }
}

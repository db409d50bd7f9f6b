package org.tamizdat.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.TestApp;
import org.tamizdat.testing.TestMailServer;

/** Subscribing, confirming and unsubscribing over real HTTP, with mail to a local SMTP server. */
class SubscriptionPagesTest {
  @TempDir static Path dir;
  static TestMailServer mail;
  static TestApp site;

  @BeforeAll
  static void start() {
    mail = new TestMailServer();
    Map<String, String> settings = new HashMap<>(mail.settings());
    settings.put("SUBSCRIBE_RATE_LIMIT", "1000");
    site = TestApp.start(dir, settings);
  }

  @AfterAll
  static void stop() {
    site.close();
    mail.close();
  }

  static String form(String email) {
    return "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&website=";
  }

  static HttpResponse<String> subscribe(String lang, String email) {
    return site.post("/" + lang + "/subscribe", form(email));
  }

  static MimeMessage mailTo(String address) throws Exception {
    for (int i = 0; i < 100; i++) {
      for (MimeMessage m : mail.received()) {
        if (m.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
          return m;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no mail to " + address);
  }

  static long mailsTo(String address) throws Exception {
    long n = 0;
    for (MimeMessage m : mail.received()) {
      n += m.getAllRecipients()[0].toString().equalsIgnoreCase(address) ? 1 : 0;
    }
    return n;
  }

  static String confirmPath(MimeMessage message) {
    String link = TestMailServer.find(message, "(http://\\S+/subscribe/confirm\\?token=\\S+)");
    return link.substring(site.baseUrl().length());
  }

  @Test
  void everyPageFooterHasAPlainFormThatPostsToTheEditionsSubscribePage() {
    for (String path :
        new String[] {"/en/", "/ru/", "/en/section/investigations", "/ru/subscribe"}) {
      Document page = Jsoup.parse(site.get(path).body());
      var form = page.selectFirst("footer form.subscribe");
      assertNotNull(form, path);
      assertEquals("post", form.attr("method"));
      assertEquals("/" + path.substring(1, 3) + "/subscribe", form.attr("action"));
      assertNotNull(form.selectFirst("input[type=email][name=email][required]"));
      assertNotNull(form.selectFirst(".hp input[name=website][tabindex=-1]"));
    }
    HttpResponse<String> page = site.get("/ru/subscribe");
    assertEquals(200, page.statusCode());
    assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
    assertTrue(page.body().contains("Еженедельная рассылка"));
  }

  @Test
  void doubleOptInConfirmsOnlyWithTheButtonAndTheTokenWorksOnce() throws Exception {
    HttpResponse<String> answer = subscribe("en", "Reader.One@Example.org");
    assertEquals(200, answer.statusCode());
    assertTrue(answer.body().contains("Check your inbox"), answer.body());
    MimeMessage message = mailTo("Reader.One@example.org");
    assertEquals("Confirm your subscription to The Northern Lantern", message.getSubject());
    assertEquals("digest@lantern.example", message.getFrom()[0].toString().replaceAll(".*<|>", ""));
    String path = confirmPath(message);

    // A mail scanner following the link subscribes no one: the page only shows a button.
    Document page = Jsoup.parse(site.get(path).body());
    var button = page.selectFirst("main form[method=post] button");
    assertNotNull(button);
    String token = page.selectFirst("main input[name=token]").attr("value");
    assertEquals(200, site.get(path).statusCode(), "the page may be opened again");

    HttpResponse<String> confirmed = site.post("/en/subscribe/confirm", "token=" + token);
    assertEquals(200, confirmed.statusCode());
    assertTrue(confirmed.body().contains("You are subscribed"), confirmed.body());
    HttpResponse<String> again = site.post("/en/subscribe/confirm", "token=" + token);
    assertEquals(404, again.statusCode());
    assertTrue(again.body().contains("This link does not work"));
  }

  @Test
  void theAnswerIsTheSameWhetherOrNotTheAddressIsSubscribed() throws Exception {
    String first = subscribe("en", "same@example.org").body();
    MimeMessage message = mailTo("same@example.org");
    String token =
        Jsoup.parse(site.get(confirmPath(message)).body())
            .selectFirst("input[name=token]")
            .attr("value");
    site.post("/en/subscribe/confirm", "token=" + token);
    String second = subscribe("en", "same@example.org").body();
    assertEquals(main(first), main(second));
    Thread.sleep(300);
    assertEquals(1, mailsTo("same@example.org"), "an active address gets no second mail");
  }

  static String main(String html) {
    return Jsoup.parse(html).selectFirst("main").outerHtml();
  }

  @Test
  void unsubscribeLinkShowsAButtonAndOneClickPostUnsubscribesIdempotently() throws Exception {
    subscribe("ru", "leaving@example.org");
    MimeMessage message = mailTo("leaving@example.org");
    String token =
        Jsoup.parse(site.get(confirmPath(message)).body())
            .selectFirst("input[name=token]")
            .attr("value");
    site.post("/ru/subscribe/confirm", "token=" + token);
    String unsubscribeToken =
        site.app()
            .database()
            .read(h ->
                h.createQuery(
                        "SELECT unsubscribe_token FROM subscriber WHERE email = 'leaving@example.org'")
                    .mapTo(String.class)
                    .one());
    String path = "/ru/unsubscribe?token=" + unsubscribeToken;
    Document page = Jsoup.parse(site.get(path).body());
    assertEquals(path, page.selectFirst("main form[method=post]").attr("action"));
    assertEquals(state("leaving@example.org"), "active", "GET changes nothing");
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> done =
          site.post(path, "List-Unsubscribe=One-Click", "Origin", "https://mail.example.net");
      assertEquals(200, done.statusCode());
      assertTrue(done.body().contains("Вы отписаны"), done.body());
    }
    assertEquals("unsubscribed", state("leaving@example.org"));
    assertEquals(404, site.post("/ru/unsubscribe?token=" + "x".repeat(43), "").statusCode());

    // Coming back needs a new confirmation.
    subscribe("ru", "leaving@example.org");
    assertEquals("pending", state("leaving@example.org"));
    for (int i = 0; i < 50 && mailsTo("leaving@example.org") < 2; i++) {
      Thread.sleep(100);
    }
    assertEquals(2, mailsTo("leaving@example.org"));
  }

  static String state(String email) {
    return site.app()
        .database()
        .read(h ->
            h.createQuery("SELECT state FROM subscriber WHERE email = :e")
                .bind("e", email)
                .mapTo(String.class)
                .one());
  }

  @Test
  void badInputGetsAClearLocalizedErrorAndKeepsWhatWasTyped() {
    HttpResponse<String> bad = subscribe("ru", "reader@@example");
    assertEquals(400, bad.statusCode());
    Document page = Jsoup.parse(bad.body());
    assertEquals(
        "Это не похоже на адрес электронной почты. Проверьте его, пожалуйста.",
        page.selectFirst(".form-error").text());
    assertEquals("reader@@example", page.selectFirst("main input[name=email]").attr("value"));
    assertFalse(bad.body().contains("Exception"));
    assertEquals(400, subscribe("en", "a".repeat(255) + "@x.org").statusCode());
    assertEquals(413, site.post("/en/subscribe", "email=" + "a".repeat(10_000)).statusCode());
  }

  @Test
  void honeypotAndOtherSitesGetNoMail() throws Exception {
    HttpResponse<String> bot =
        site.post("/en/subscribe", "email=bot%40example.org&website=http%3A%2F%2Fspam");
    assertEquals(200, bot.statusCode());
    assertTrue(bot.body().contains("Check your inbox"));
    HttpResponse<String> foreign =
        site.post("/en/subscribe", form("victim@example.org"), "Origin", "https://evil.example");
    assertEquals(403, foreign.statusCode());
    HttpResponse<String> fetched =
        site.post("/en/subscribe", form("victim@example.org"), "Sec-Fetch-Site", "cross-site");
    assertEquals(403, fetched.statusCode());
    HttpResponse<String> ours =
        site.post("/en/subscribe", form("friend@example.org"), "Origin", site.baseUrl());
    assertEquals(200, ours.statusCode());
    mailTo("friend@example.org");
    assertEquals(0, mailsTo("bot@example.org") + mailsTo("victim@example.org"));
  }

  @Test
  void unknownEditionIsNotFound() {
    assertEquals(404, site.get("/xx/subscribe").statusCode());
    assertEquals(404, site.post("/xx/subscribe", form("a@example.org")).statusCode());
  }
}

package org.tamizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.app.App;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.Language;
import org.tamizdat.article.Status;
import org.tamizdat.config.ConfigLoader;
import org.tamizdat.testing.TestMailServer;

/**
 * {@code tamizdat digest preview|send}: the message as a subscriber would get it, progress on
 * standard error, or one clear line.
 */
class DigestCommandTest {
  @TempDir Path dir;

  Path config() throws Exception {
    Path file = dir.resolve("tamizdat.properties");
    Files.writeString(
        file, "tamizdat.data.dir=" + dir + "\ntamizdat.base.url=https://lantern.example\n");
    return file;
  }

  @Test
  void previewAndSendShowTheirProgress() throws Exception {
    try (TestMailServer mail = new TestMailServer()) {
      Path file = config();
      Files.writeString(
          file,
          "tamizdat.smtp.url=smtp://127.0.0.1:"
              + mail.port()
              + "\ntamizdat.mail.from=Lantern <digest@lantern.example>\n",
          StandardOpenOption.APPEND);
      publishOneArticle(file);
      try (App app = new App(ConfigLoader.load(Map.of(), Optional.of(file)), Clock.systemUTC())) {
        app.database()
            .write(h ->
                h.execute(
                    """
                    INSERT INTO subscriber
                      (email, email_key, lang, state, unsubscribe_token, created_at, updated_at)
                    VALUES ('r@example.org', 'r@example.org', 'ru', 'active', 'tok', 0, 0)
                    """));
      }
      String done = "#".repeat(30) + "] ";
      MainTest.Run preview =
          MainTest.run(
              "digest",
              "preview",
              "--edition",
              "ru",
              "--config",
              file.toString(),
              "--out",
              dir.resolve("d.eml").toString());
      assertEquals(0, preview.exitCode(), preview.err());
      assertTrue(preview.err().contains("preview [" + done + "3/3 written"), preview.err());
      MainTest.Run send =
          MainTest.run("digest", "send", "--edition", "ru", "--config", file.toString());
      assertEquals(0, send.exitCode(), send.err());
      assertTrue(
          send.err().contains("send [" + done + "1/1 sent 1, retrying 0, failed 0"), send.err());
      assertEquals("r@example.org", mail.await(1)[0].getAllRecipients()[0].toString());
    }
  }

  @Test
  void previewWritesAMultipartMessageWithUnsubscribeHeaders() throws Exception {
    Path file = config();
    publishOneArticle(file);
    Path out = dir.resolve("digest.eml");
    MainTest.Run run =
        MainTest.run(
            "digest",
            "preview",
            "--edition",
            "ru",
            "--config",
            file.toString(),
            "--out",
            out.toString());
    assertEquals(0, run.exitCode(), run.err());
    String message = Files.readString(out);
    assertTrue(message.contains("multipart/alternative"), message);
    assertTrue(message.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"), message);
    assertTrue(message.contains("https://lantern.example/ru/unsubscribe?token="), message);
  }

  private static void publishOneArticle(Path file) throws Exception {
    try (App app = new App(ConfigLoader.load(Map.of(), Optional.of(file)), Clock.systemUTC())) {
      app.catalog().saveAuthor("ada", Map.of(Language.RU, "Ада Фенн"), Map.of());
      app.articleWriter()
          .save(
              new ArticleInput(
                  Language.RU,
                  "statya",
                  null,
                  "",
                  "Статья недели",
                  "Подзаголовок",
                  "Текст.",
                  null,
                  List.of("ada"),
                  List.of(),
                  Status.PUBLISHED,
                  Instant.now().minus(Duration.ofDays(3)),
                  null,
                  null,
                  null));
    }
  }

  @Test
  void anEmptyWeekOrABadEditionIsOneLine() throws Exception {
    Path file = config();
    MainTest.Run empty =
        MainTest.run("digest", "preview", "--edition", "en", "--config", file.toString());
    assertEquals(3, empty.exitCode());
    assertEquals("no articles published in en this week: no digest", empty.err().strip());
    MainTest.Run bad =
        MainTest.run("digest", "preview", "--edition", "de", "--config", file.toString());
    assertEquals(1, bad.exitCode());
    assertEquals("tamizdat: --edition must be en or ru, got de", bad.err().strip());
    MainTest.Run send = MainTest.run("digest", "send", "--config", file.toString());
    assertEquals(1, send.exitCode());
    assertEquals("tamizdat: TAMIZDAT_SMTP_URL is not set: sending is off", send.err().strip());
  }
}

package org.tamizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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

/** {@code tamizdat digest preview}: the message as a subscriber would get it, or one clear line. */
class DigestCommandTest {
  @TempDir Path dir;

  Path config() throws Exception {
    Path file = dir.resolve("tamizdat.properties");
    Files.writeString(
        file, "tamizdat.data.dir=" + dir + "\ntamizdat.base.url=https://lantern.example\n");
    return file;
  }

  @Test
  void previewWritesAMultipartMessageWithUnsubscribeHeaders() throws Exception {
    Path file = config();
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

package org.tamizdat.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.article.ArticleWriter;
import org.tamizdat.article.BodyRenderer;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.Language;
import org.tamizdat.testing.TestDatabase;

/**
 * A writer in its own JVM is killed with SIGKILL in the middle of a stream of edits: every edit it
 * acknowledged (printed after its commit returned) is there after the kill, with its change_log
 * row, the database passes its integrity check, and writing goes on.
 */
abstract class DurabilityContract {
  static final int ACKS_BEFORE_KILL = 150;
  @TempDir Path dir;

  abstract TestDatabase newDatabase();

  /** The engine's own consistency check; "ok" when it finds nothing wrong. */
  abstract String integrityCheck(Database database);

  @Test
  void everyAcknowledgedEditSurvivesAKill() throws Exception {
    Clock clock = Clock.systemUTC();
    try (TestDatabase testDatabase = newDatabase()) {
      try (Database database = Database.open(testDatabase.url())) {
        database.migrate();
        CatalogRepository catalog = new CatalogRepository(database, new ChangeLog(clock));
        catalog.saveSection("courts", 0, Map.of(Language.EN, "Courts", Language.RU, "Суды"));
        catalog.saveAuthor("ada-fenn", Map.of(Language.EN, "Ada Fenn"), Map.of());
      }
      Process writer =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  EditStream.class.getName(),
                  testDatabase.url())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      Map<Integer, Long> acknowledged = new LinkedHashMap<>();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          String[] parts = line.split(" ");
          if (parts.length == 3 && parts[0].equals("ack")) {
            acknowledged.put(Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
          }
          if (acknowledged.size() == ACKS_BEFORE_KILL) {
            // SIGKILL: no shutdown hooks, no pool closing. Sent with kill(1) rather than
            // destroyForcibly(), which closes our end of its output: lines already written
            // (acknowledged edits) are read to the end.
            new ProcessBuilder("kill", "-KILL", Long.toString(writer.pid())).start().waitFor();
          }
        }
      }
      assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
      assertEquals(137, writer.exitValue(), "killed by SIGKILL, not ended on its own");
      assertTrue(acknowledged.size() >= ACKS_BEFORE_KILL);

      try (Database database = Database.open(testDatabase.url())) {
        database.migrate();
        assertEquals("ok", integrityCheck(database));
        for (Map.Entry<Integer, Long> ack : acknowledged.entrySet()) {
          String title =
              database.read(h ->
                  h.createQuery("SELECT title FROM article WHERE id = :id AND slug = :slug")
                      .bind("id", ack.getValue())
                      .bind("slug", "edit-" + ack.getKey())
                      .mapTo(String.class)
                      .findOne()
                      .orElse("missing"));
          assertEquals("Edit number " + ack.getKey(), title, "acknowledged edit " + ack.getKey());
        }
        int articles =
            database.read(
                h -> h.createQuery("SELECT COUNT(*) FROM article").mapTo(Integer.class).one());
        // The kill may land after a commit and before its line: at most that one edit more.
        assertTrue(
            articles == acknowledged.size() || articles == acknowledged.size() + 1,
            articles + " articles, " + acknowledged.size() + " acknowledged");
        int withoutChange =
            database.read(h ->
                h.createQuery(
                        "SELECT COUNT(*) FROM article a WHERE NOT EXISTS (SELECT 1 FROM"
                            + " change_log c WHERE c.entity = 'article' AND c.entity_id = a.id)")
                    .mapTo(Integer.class)
                    .one());
        assertEquals(0, withoutChange, "every article write has its change_log row");
        ArticleWriter after =
            new ArticleWriter(database, new ChangeLog(clock), new BodyRenderer(), clock);
        assertTrue(after.save(EditStream.input(1_000_000)) > 0, "writing goes on after restart");
        System.err.printf(
            "durability: killed after %d acknowledged edits, %d articles found%n",
            acknowledged.size(), articles);
      }
    }
  }
}

package org.tamizdat.db;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.ArticleWriter;
import org.tamizdat.article.BodyRenderer;
import org.tamizdat.article.Language;
import org.tamizdat.article.Status;

/**
 * Run in its own JVM by {@link DurabilityContract}: saves articles through the real write path
 * without end and prints {@code ack <n> <id>} after each commit returned, until it is killed.
 */
public final class EditStream {
  private EditStream() {}

  public static void main(String[] args) {
    Clock clock = Clock.systemUTC();
    try (Database database = Database.open(args[0])) {
      ArticleWriter writer =
          new ArticleWriter(database, new ChangeLog(clock), new BodyRenderer(), clock);
      for (int n = 0; ; n++) {
        long id = writer.save(input(n));
        System.out.println("ack " + n + " " + id);
        System.out.flush();
      }
    }
  }

  static ArticleInput input(int n) {
    return new ArticleInput(
        Language.EN,
        "edit-" + n,
        null,
        "Report",
        "Edit number " + n,
        "Dek " + n,
        "Body of edit " + n + ".",
        "courts",
        List.of("ada-fenn"),
        List.of(),
        Status.PUBLISHED,
        Instant.parse("2026-03-01T10:00:00Z"),
        null,
        null,
        null);
  }
}

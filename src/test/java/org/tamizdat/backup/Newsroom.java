package org.tamizdat.backup;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.ArticleWriter;
import org.tamizdat.article.BodyRenderer;
import org.tamizdat.article.CatalogRepository;
import org.tamizdat.article.Language;
import org.tamizdat.article.Status;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;

/** Content written through the real write path, and every table read back for comparison. */
final class Newsroom {
  private Newsroom() {}

  static ArticleWriter writer(Database database, Clock clock) {
    return new ArticleWriter(database, new ChangeLog(clock), new BodyRenderer(), clock);
  }

  static void catalog(Database database, Clock clock) {
    CatalogRepository catalog = new CatalogRepository(database, new ChangeLog(clock));
    catalog.saveSection("courts", 0, Map.of(Language.EN, "Courts", Language.RU, "Суды"));
    catalog.saveAuthor(
        "ada-fenn",
        Map.of(Language.EN, "Ada Fenn", Language.RU, "Ада Фенн"),
        Map.of(Language.EN, "Reporter."));
  }

  static ArticleInput article(Language lang, String slug, Instant published) {
    return new ArticleInput(
        lang,
        slug,
        null,
        "Report",
        "Title of " + slug + " «ё»",
        "Dek of " + slug,
        "Body of *" + slug + "*.\n\nЕщё абзац.",
        "courts",
        List.of("ada-fenn"),
        List.of("tag-" + slug.length()),
        Status.PUBLISHED,
        published,
        null,
        null,
        null);
  }

  /** Every table (but Flyway's), its rows as sorted text lines: equal when the data are equal. */
  static Map<String, List<String>> everything(Database database) {
    return database.read(h ->
        Jdbc.call(() -> {
          Map<String, List<String>> tables = new TreeMap<>();
          for (String table : Tables.inDependencyOrder(h.getConnection())) {
            List<String> rows = new ArrayList<>();
            h.createQuery("SELECT * FROM " + table)
                .map((rs, ctx) -> {
                  StringBuilder row = new StringBuilder();
                  for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    String text =
                        switch (v) {
                          case null -> "NULL";
                          case byte[] b -> "x" + HexFormat.of().formatHex(b);
                          case Boolean b -> b ? "1" : "0";
                          case Number n when !(n instanceof Double) -> Long.toString(n.longValue());
                          default -> v.toString();
                        };
                    row.append(rs.getMetaData().getColumnName(i).toLowerCase())
                        .append('=')
                        .append(text)
                        .append(' ');
                  }
                  return row.toString();
                })
                .forEach(rows::add);
            rows.sort(String::compareTo);
            tables.put(table.toLowerCase(), rows);
          }
          return tables;
        }));
  }
}

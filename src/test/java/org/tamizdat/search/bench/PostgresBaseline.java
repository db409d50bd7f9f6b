package org.tamizdat.search.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.tamizdat.article.Language;
import org.tamizdat.search.bench.ArchiveGenerator.Generated;
import org.tamizdat.search.bench.QuerySet.BenchQuery;

/**
 * The baseline: PostgreSQL's own full-text search over the same archive in a throw-away schema — a
 * weighted tsvector (title A, dek B, body D) in the {@code russian} or {@code english}
 * configuration, a GIN index, {@code websearch_to_tsquery} for quotes and minus, ranked with {@code
 * ts_rank}, top 10 with the total count. No snippets: Lucene's figures include them.
 */
final class PostgresBaseline implements AutoCloseable {
  private static final String QUERY =
      """
      SELECT id, count(*) OVER () AS total
      FROM docs, websearch_to_tsquery(?::regconfig, ?) q
      WHERE lang = ? AND tsv @@ q
      ORDER BY ts_rank(tsv, q) DESC, id LIMIT 10
      """;

  private final Connection connection;
  private final String schema;
  private PreparedStatement statement;

  private PostgresBaseline(Connection connection, String schema) {
    this.connection = connection;
    this.schema = schema;
  }

  static PostgresBaseline create(String url) throws SQLException {
    Connection connection = DriverManager.getConnection(url);
    String schema =
        "search_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
      s.execute("SET search_path TO " + schema);
      s.execute(
          """
          CREATE TABLE docs (id BIGINT PRIMARY KEY, lang TEXT NOT NULL, title TEXT NOT NULL,
            dek TEXT NOT NULL, body TEXT NOT NULL, tsv tsvector)
          """);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return new PostgresBaseline(connection, schema);
  }

  /** Loads with COPY, then builds the weighted vectors and the GIN index (the timed part). */
  void load(int count) throws SQLException, IOException {
    ArchiveGenerator archive = SearchBenchmark.archive();
    StringBuilder rows = new StringBuilder();
    long id = 0;
    var copy = connection.unwrap(PGConnection.class).getCopyAPI();
    for (int n = 0; n < count; n++) {
      Generated a = archive.article(n);
      id++;
      rows.append(id)
          .append('\t')
          .append(a.lang().code())
          .append('\t')
          .append(clean(a.title()))
          .append('\t')
          .append(clean(a.dek()))
          .append('\t')
          .append(clean(String.join(" ", a.paragraphs())))
          .append('\n');
      if (rows.length() > 8_000_000) {
        copy.copyIn(
            "COPY docs (id, lang, title, dek, body) FROM STDIN", new StringReader(rows.toString()));
        rows.setLength(0);
      }
    }
    copy.copyIn(
        "COPY docs (id, lang, title, dek, body) FROM STDIN", new StringReader(rows.toString()));
    try (Statement s = connection.createStatement()) {
      s.execute(
          """
          UPDATE docs SET tsv =
            setweight(to_tsvector(c.cfg, title), 'A') || setweight(to_tsvector(c.cfg, dek), 'B')
            || setweight(to_tsvector(c.cfg, body), 'D')
          FROM (SELECT 'en' AS lang, 'english'::regconfig AS cfg
                UNION ALL SELECT 'ru', 'russian'::regconfig) c
          WHERE c.lang = docs.lang
          """);
      s.execute("CREATE INDEX docs_tsv ON docs USING GIN (tsv)");
      s.execute("CREATE INDEX docs_lang ON docs (lang)");
      s.execute("VACUUM ANALYZE docs");
    }
    statement = connection.prepareStatement(QUERY);
  }

  /** Top ten by rank with the total count, like a results page; returns the total. */
  long answer(BenchQuery q) throws SQLException {
    statement.setString(1, q.lang() == Language.RU ? "russian" : "english");
    statement.setString(2, q.text());
    statement.setString(3, q.lang().code());
    long total = 0;
    try (ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        total = rs.getLong("total");
      }
    }
    return total;
  }

  private static String clean(String text) {
    return text.replace('\t', ' ').replace('\n', ' ').replace("\\", "\\\\");
  }

  @Override
  public void close() throws SQLException {
    if (statement != null) {
      statement.close();
    }
    try (Statement s = connection.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } finally {
      connection.close();
    }
  }
}

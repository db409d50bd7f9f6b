package org.tamizdat.ticker;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;

/** Stored ticker history: one row per instrument and market day. */
public final class TickerRepository {
  /** The latest stored quote of an instrument and the last value before it that differs. */
  public record Latest(Quote quote, BigDecimal previousDistinct) {}

  private final Database database;
  private final ChangeLog changeLog;
  private final Clock clock;

  public TickerRepository(Database database, ChangeLog changeLog, Clock clock) {
    this.database = database;
    this.changeLog = changeLog;
    this.clock = clock;
  }

  /**
   * Stores the quotes that tell something new — a day not stored yet, or a changed value — and
   * returns how many did. Only then is the change log appended to (once), so polling a source that
   * repeats itself never invalidates cached pages.
   */
  public int record(List<Quote> quotes) {
    return database.write(h -> {
      int changed = 0;
      for (Quote quote : quotes) {
        changed += upsert(h, quote);
      }
      if (changed > 0) {
        changeLog.append(h, "ticker", null);
      }
      return changed;
    });
  }

  private int upsert(Handle h, Quote quote) {
    return h.createUpdate(
            """
            INSERT INTO ticker_quote (code, as_of, value, source, fetched_at)
            VALUES (:code, :asOf, :value, :source, :now)
            ON CONFLICT (code, as_of) DO UPDATE
            SET value = excluded.value, source = excluded.source, fetched_at = excluded.fetched_at
            WHERE ticker_quote.value <> excluded.value
            """)
        .bind("code", quote.code())
        .bind("asOf", quote.asOf().toEpochMilli())
        .bind("value", quote.value())
        .bind("source", quote.source())
        .bind("now", clock.millis())
        .execute();
  }

  public Optional<Latest> latest(String code) {
    return database.read(h ->
        h.createQuery(
                """
                SELECT q.as_of, q.value, q.source,
                  (SELECT p.value FROM ticker_quote p
                   WHERE p.code = q.code AND p.as_of < q.as_of AND p.value <> q.value
                   ORDER BY p.as_of DESC LIMIT 1) AS previous
                FROM ticker_quote q WHERE q.code = :code ORDER BY q.as_of DESC LIMIT 1
                """)
            .bind("code", code)
            .map((rs, ctx) ->
                new Latest(
                    new Quote(
                        code,
                        Instant.ofEpochMilli(rs.getLong(1)),
                        rs.getBigDecimal(2),
                        rs.getString(3)),
                    rs.getBigDecimal(4)))
            .findOne());
  }

  public boolean isEmpty() {
    return database.read(
        h -> h.createQuery("SELECT COUNT(*) FROM ticker_quote").mapTo(Long.class).one() == 0);
  }

  /** Newest first. */
  public List<Quote> history(String code, int limit) {
    return database.read(h ->
        h.createQuery(
                """
                SELECT as_of, value, source FROM ticker_quote WHERE code = :code
                ORDER BY as_of DESC LIMIT :limit
                """)
            .bind("code", code)
            .bind("limit", limit)
            .map((rs, ctx) ->
                new Quote(
                    code,
                    Instant.ofEpochMilli(rs.getLong(1)),
                    rs.getBigDecimal(2),
                    rs.getString(3)))
            .list());
  }
}

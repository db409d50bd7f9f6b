package org.tamizdat.ticker;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.db.Database;

/** Stored ticker values. The header reads the latest two per instrument. */
public final class TickerRepository {
  /** The instruments the header shows, in this order. */
  public static final List<String> HEADER_CODES = List.of("USD", "EUR", "OIL");

  private final Database database;
  private final ChangeLog changeLog;
  private final Clock clock;

  public TickerRepository(Database database, ChangeLog changeLog, Clock clock) {
    this.database = database;
    this.changeLog = changeLog;
    this.clock = clock;
  }

  /** Stores a value; a second value for the same instrument and moment replaces the first. */
  public void save(Quote quote) {
    database.write(h -> {
      h.createUpdate(
              """
              INSERT INTO ticker_quote (code, as_of, value, fetched_at) VALUES (:code, :asOf, :value, :now)
              ON CONFLICT (code, as_of) DO UPDATE SET value = excluded.value, fetched_at = excluded.fetched_at
              """)
          .bind("code", quote.code())
          .bind("asOf", quote.asOf().toEpochMilli())
          .bind("value", quote.value())
          .bind("now", clock.millis())
          .execute();
      changeLog.append(h, "ticker", null);
      return null;
    });
  }

  /**
   * The header strip: latest value per instrument with its direction; missing ones are left out.
   */
  public List<TickerItem> header() {
    return database.read(h -> {
      List<TickerItem> items = new ArrayList<>();
      for (String code : HEADER_CODES) {
        List<BigDecimal> lastTwo =
            h.createQuery(
                    "SELECT value FROM ticker_quote WHERE code = :code ORDER BY as_of DESC LIMIT 2")
                .bind("code", code)
                .mapTo(BigDecimal.class)
                .list();
        if (!lastTwo.isEmpty()) {
          BigDecimal previous = lastTwo.size() > 1 ? lastTwo.get(1) : null;
          items.add(
              new TickerItem(
                  code, lastTwo.get(0), TickerItem.Direction.between(previous, lastTwo.get(0))));
        }
      }
      return items;
    });
  }

  public List<Quote> history(String code, int limit) {
    return database.read(h ->
        h.createQuery(
                "SELECT code, as_of, value FROM ticker_quote WHERE code = :code ORDER BY as_of DESC LIMIT :limit")
            .bind("code", code)
            .bind("limit", limit)
            .map((rs, ctx) ->
                new Quote(
                    rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getBigDecimal(3)))
            .list());
  }
}

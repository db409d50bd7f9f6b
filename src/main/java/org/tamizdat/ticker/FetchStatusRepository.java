package org.tamizdat.ticker;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tamizdat.db.Database;

/**
 * The last fetch of each ticker source (when, what came back, what went wrong), for the admin's
 * status page. Not public content: no change-log entry. Recording never fails a fetch.
 */
public final class FetchStatusRepository {
  private static final Logger log = LoggerFactory.getLogger(FetchStatusRepository.class);
  private static final int MAX_PROBLEMS = 4000;

  /** {@code succeededAt}: the last fetch that brought usable values, null if none yet. */
  public record FetchStatus(
      String source, Instant attemptedAt, Instant succeededAt, int received, String problems) {}

  private final Database database;
  private final Clock clock;

  public FetchStatusRepository(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  public void record(TickerFetcher.Outcome outcome) {
    long now = clock.millis();
    String problems = String.join("\n", outcome.problems());
    if (problems.length() > MAX_PROBLEMS) {
      problems = problems.substring(0, MAX_PROBLEMS - 1) + "…";
    }
    String stored = problems;
    try {
      database.write(h ->
          h.createUpdate(
                  """
                  INSERT INTO ticker_fetch (source, attempted_at, succeeded_at, received, problems)
                  VALUES (:source, :now, :succeeded, :received, :problems)
                  ON CONFLICT (source) DO UPDATE SET attempted_at = excluded.attempted_at,
                    succeeded_at = COALESCE(excluded.succeeded_at, ticker_fetch.succeeded_at),
                    received = excluded.received, problems = excluded.problems
                  """)
              .bind("source", outcome.source())
              .bind("now", now)
              .bind("succeeded", outcome.received() > 0 ? (Long) now : (Long) null)
              .bind("received", outcome.received())
              .bind("problems", stored)
              .execute());
    } catch (RuntimeException e) {
      log.warn("cannot record the {} fetch: {}", outcome.source(), e.getMessage());
    }
  }

  public List<FetchStatus> all() {
    return database.read(h ->
        h.createQuery(
                "SELECT source, attempted_at, succeeded_at, received, problems FROM ticker_fetch"
                    + " ORDER BY source")
            .map((rs, ctx) -> {
              long succeeded = rs.getLong(3);
              Instant succeededAt = rs.wasNull() ? null : Instant.ofEpochMilli(succeeded);
              return new FetchStatus(
                  rs.getString(1),
                  Instant.ofEpochMilli(rs.getLong(2)),
                  succeededAt,
                  rs.getInt(4),
                  rs.getString(5));
            })
            .list());
  }
}

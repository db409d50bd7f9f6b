package org.tamizdat.admin.settings;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tamizdat.db.Database;
import org.tamizdat.ticker.FetchStatusRepository;
import org.tamizdat.ticker.FetchStatusRepository.FetchStatus;
import org.tamizdat.ticker.Instrument;
import org.tamizdat.ticker.TickerHeader;
import org.tamizdat.ticker.TickerItem;

/**
 * What the ticker status page shows: each configured instrument's latest value as the header shows
 * it (with its stale mark), when and from where it was stored, and each source's last fetch with
 * its errors.
 */
public final class TickerStatus {
  /** {@code item} is null for an instrument never fetched. */
  public record InstrumentStatus(
      Instrument instrument, TickerItem item, Instant storedAt, String source) {}

  public record Snapshot(List<InstrumentStatus> instruments, List<FetchStatus> fetches) {}

  private final Database database;
  private final TickerHeader header;
  private final FetchStatusRepository fetches;

  public TickerStatus(Database database, TickerHeader header, FetchStatusRepository fetches) {
    this.database = database;
    this.header = header;
    this.fetches = fetches;
  }

  public Snapshot snapshot() {
    Map<String, TickerItem> items =
        header.items().stream().collect(Collectors.toMap(TickerItem::code, Function.identity()));
    List<InstrumentStatus> instruments =
        header.instruments().stream()
            .map(instrument -> {
              record Stored(Instant at, String source) {}
              Stored stored =
                  database.read(h ->
                      h.createQuery(
                              """
                              SELECT fetched_at, source FROM ticker_quote WHERE code = :code
                              ORDER BY as_of DESC LIMIT 1
                              """)
                          .bind("code", instrument.code())
                          .map((rs, ctx) ->
                              new Stored(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2)))
                          .findOne()
                          .orElse(new Stored(null, null)));
              return new InstrumentStatus(
                  instrument, items.get(instrument.code()), stored.at(), stored.source());
            })
            .toList();
    return new Snapshot(instruments, fetches.all());
  }
}

package org.tamizdat.ticker;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.tamizdat.db.ChangeLog;
import org.tamizdat.testing.FixtureServer;
import org.tamizdat.testing.MigratedDatabase;
import org.tamizdat.testing.MutableClock;
import org.tamizdat.testing.TestDatabase;

/**
 * The fetch path as the app wires it, against local CBR and MOEX stand-ins: a SQLite database, fast
 * upstream limits, and the fetch log's lines kept for assertions.
 */
final class FetchFixture implements AutoCloseable {
  static final String CBR_PATH = "/scripts/XML_daily.asp";
  static final String MOEX_PATH = "/iss/engines/futures/markets/forts/securities.json";

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T11:00:00Z"));
  final FixtureServer server = new FixtureServer();
  final MigratedDatabase db;
  final TickerRepository tickers;
  final List<String> warnings = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  final AtomicInteger changes = new AtomicInteger();
  final TickerFetcher fetcher;
  final CbrSource cbr;
  final MoexBrentSource moex;

  FetchFixture(Path dir) {
    db = MigratedDatabase.open(TestDatabase.sqlite(dir));
    tickers = new TickerRepository(db.database(), new ChangeLog(clock), clock);
    fetcher =
        new TickerFetcher(
            tickers, new FetchLog(warnings::add, notes::add), changes::incrementAndGet, clock);
    Upstream upstream = new Upstream(UpstreamTest.FAST);
    cbr = new CbrSource(upstream, URI.create(server.url(CBR_PATH)), List.of("USD", "EUR"));
    moex = new MoexBrentSource(upstream, URI.create(server.url("/iss")));
  }

  String latest(String code) {
    return tickers.latest(code).orElseThrow().quote().value().stripTrailingZeros().toPlainString();
  }

  @Override
  public void close() {
    server.close();
    db.close();
  }
}

package org.tamizdat.ticker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tamizdat.testing.FixtureServer;
import org.tamizdat.testing.FixtureServer.Reply;

/**
 * Every kind of bad upstream answer: the fetcher does not throw, the good value stays, and the
 * problem is logged once, naming the source and the reason — however often it repeats.
 */
class BadUpstreamTest {
  @TempDir Path dir;
  FetchFixture f;

  @BeforeEach
  void storeGoodValues() {
    f = new FetchFixture(dir);
    f.server.serve(FetchFixture.CBR_PATH, Reply.file("cbr/daily.xml"));
    f.server.serve(FetchFixture.MOEX_PATH, Reply.file("moex/brent.json"));
    f.fetcher.fetch(f.cbr);
    f.fetcher.fetch(f.moex);
  }

  @AfterEach
  void close() {
    f.close();
  }

  static Stream<Arguments> cases() {
    byte[] daily = FixtureServer.resource("ticker/cbr/daily.xml");
    return Stream.of(
        cbr("HTML error page", Reply.file("cbr/error.html"), "HTML page instead of XML"),
        cbr("empty body", Reply.bytes(200, "application/xml", new byte[0]), "empty body"),
        cbr("5xx", Reply.status(503), "HTTP 503 after 3 attempts"),
        cbr(
            "time-out",
            Reply.after(Duration.ofSeconds(3), Reply.file("cbr/daily.xml")),
            "no complete answer within 500 ms after 3 attempts"),
        cbr(
            "slow trickle",
            Reply.trickle(daily, Duration.ofMillis(5)),
            "no complete answer within 500 ms after 3 attempts"),
        cbr("body over the cap", Reply.huge(1024 * 1024, false), "body over the 64 KiB cap"),
        cbr("DTD", Reply.file("cbr/dtd.xml"), "XML with a DTD refused"),
        cbr(
            "malformed number",
            Reply.file("cbr/malformed-number.xml"),
            "USD: malformed number '9З,2221'"),
        cbr("missing currency", Reply.file("cbr/missing-eur.xml"), "EUR: missing from the file"),
        cbr(
            "zero and negative rates",
            Reply.file("cbr/zero-and-negative.xml"),
            "USD: rate must be positive, got 0,0000; EUR: rate must be positive, got -95,7412"),
        cbr(
            "date in the future",
            Reply.file("cbr/future.xml"),
            "USD: date 2031-01-01 is in the future",
            "EUR: date 2031-01-01 is in the future"),
        moex("HTML error page", Reply.file("cbr/error.html"), "HTML page instead of JSON"),
        moex("5xx", Reply.status(500), "HTTP 500 after 3 attempts"),
        moex(
            "unknown column layout",
            Reply.file("moex/unknown-layout.json"),
            "unknown column layout: securities has no LASTTRADEDATE"),
        moex(
            "malformed number",
            Reply.file("moex/malformed-number.json"),
            "malformed number '63,47' in LAST"),
        moex(
            "negative price",
            Reply.file("moex/negative.json"),
            "OIL: value must be positive, got -5.5"),
        moex(
            "date in the future",
            Reply.file("moex/future.json"),
            "OIL: date 2031-01-01 is in the future"));
  }

  static Arguments cbr(String name, Reply reply, String... reasons) {
    return Arguments.of("cbr: " + name, "cbr", reply, List.of(reasons));
  }

  static Arguments moex(String name, Reply reply, String... reasons) {
    return Arguments.of("moex: " + name, "moex", reply, List.of(reasons));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedKeepingTheGoodValueAndLoggedOnce(
      String name, String source, Reply reply, List<String> reasons) {
    boolean isCbr = source.equals("cbr");
    f.server.serve(isCbr ? FetchFixture.CBR_PATH : FetchFixture.MOEX_PATH, reply);
    QuoteSource upstream = isCbr ? f.cbr : f.moex;
    int changesBefore = f.changes.get();

    TickerFetcher.Outcome first = f.fetcher.fetch(upstream);
    TickerFetcher.Outcome again = f.fetcher.fetch(upstream);

    assertEquals(reasons, first.problems());
    assertEquals(reasons, again.problems());
    assertEquals(changesBefore, f.changes.get(), "nothing new was stored");
    assertEquals("93.2221", f.latest("USD"));
    assertEquals("95.7412", f.latest("EUR"));
    assertEquals("63.47", f.latest(Instrument.OIL));
    List<String> expected =
        reasons.stream().map(r -> "ticker source " + source + ": " + r).toList();
    assertEquals(expected, f.warnings, "each problem logged once, with source and reason");
    assertTrue(f.warnings.stream().noneMatch(w -> w.contains("\tat ")), "no stack traces");
  }
}

package org.tamizdat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.DatedFixtures;
import org.tamizdat.testing.FixtureServer;
import org.tamizdat.testing.FixtureServer.Reply;
import org.tamizdat.ticker.Quote;

/** {@code tamizdat ticker fetch|backfill} against local stand-ins for the sources. */
class TickerCommandTest {
  static final String CBR = "/scripts/XML_daily.asp";
  static final String MOEX = "/iss/engines/futures/markets/forts/securities.json";

  @TempDir Path dir;
  FixtureServer upstreams;
  Path config;
  final LocalDate today = Quote.marketToday(Clock.systemUTC());

  record Run(int exitCode, String out, String err) {}

  @BeforeEach
  void setUp() throws Exception {
    upstreams = new FixtureServer();
    config = dir.resolve("tamizdat.properties");
    Files.writeString(
        config,
        "tamizdat.data.dir="
            + dir
            + "\n"
            + "tamizdat.cbr.url="
            + upstreams.url(CBR)
            + "\n"
            + "tamizdat.moex.url="
            + upstreams.url("/iss")
            + "\n");
  }

  @AfterEach
  void tearDown() {
    upstreams.close();
  }

  Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      int code = Main.commandLine().execute(args);
      return new Run(
          code,
          outBytes.toString(StandardCharsets.UTF_8),
          errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void fetchStoresEverySourceAndSaysWhatItGot() {
    upstreams.serve(CBR, DatedFixtures.cbr(today)).serve(MOEX, DatedFixtures.moex(today));
    Run run = run("ticker", "fetch", "--config", config.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("cbr: 2 values, 2 new\nmoex: 1 value, 1 new\n", run.out());
    Run again = run("ticker", "fetch", "--config", config.toString());
    assertEquals("cbr: 2 values, 0 new\nmoex: 1 value, 0 new\n", again.out());
  }

  @Test
  void aFailingSourceIsOneLineAndANonZeroExit() {
    upstreams.serve(CBR, DatedFixtures.cbr(today)).serve(MOEX, Reply.status(404));
    Run run = run("ticker", "fetch", "--config", config.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("tamizdat: moex: HTTP 404\n"), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
    assertTrue(run.out().startsWith("cbr: 2 values, 2 new\n"), run.out());
  }

  @Test
  void backfillFetchesEachDateWithAProgressBar() {
    upstreams.serve(
        CBR,
        Reply.byQuery(q ->
            DatedFixtures.cbr(
                LocalDate.parse(
                    q.substring(9), java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))));
    LocalDate from = today.minusDays(2);
    Run run =
        run(
            "ticker",
            "backfill",
            "--from",
            from.toString(),
            "--to",
            today.toString(),
            "--config",
            config.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        "cbr backfill " + from + ".." + today + ": 3 days, 6 values stored, 0 failed\n", run.out());
    assertTrue(run.err().contains("] 3/3 " + today), run.err());
    assertEquals(3, upstreams.hits(CBR));
  }

  @Test
  void backfillRefusesABackwardsOrFutureRange() {
    Run backwards =
        run(
            "ticker",
            "backfill",
            "--from",
            "2026-02-02",
            "--to",
            "2026-02-01",
            "--config",
            config.toString());
    assertEquals(1, backwards.exitCode());
    assertEquals("tamizdat: --from 2026-02-02 is after --to 2026-02-01", backwards.err().strip());
    Run future =
        run(
            "ticker",
            "backfill",
            "--from",
            today.toString(),
            "--to",
            today.plusDays(9).toString(),
            "--config",
            config.toString());
    assertEquals("tamizdat: --to " + today.plusDays(9) + " is in the future", future.err().strip());
    Run malformed = run("ticker", "backfill", "--from", "yesterday");
    assertEquals(2, malformed.exitCode());
    assertEquals(0, upstreams.requests().size());
  }
}

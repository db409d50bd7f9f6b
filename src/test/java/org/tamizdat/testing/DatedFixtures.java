package org.tamizdat.testing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.tamizdat.testing.FixtureServer.Reply;

/**
 * The ticker fixtures moved to a given day, for tests of the whole app, which runs on the real
 * clock: a value dated in the fixture's past would be older than the demo's and never shown.
 */
public final class DatedFixtures {
  private static final Charset CP1251 = Charset.forName("windows-1251");

  private DatedFixtures() {}

  /** {@code cbr/daily.xml} (USD 93.2221, EUR 95.7412) dated {@code day}. */
  public static Reply cbr(LocalDate day) {
    String xml = new String(FixtureServer.resource("ticker/cbr/daily.xml"), CP1251);
    String dated =
        xml.replace(
            "Date=\"25.11.2026\"",
            "Date=\"" + day.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) + "\"");
    return Reply.bytes(200, "application/xml", dated.getBytes(CP1251));
  }

  /**
   * {@code moex/brent.json} (BRZ6 at 63.47) with its data time and contract dates near {@code day}.
   */
  public static Reply moex(LocalDate day) {
    String json =
        new String(FixtureServer.resource("ticker/moex/brent.json"), StandardCharsets.UTF_8);
    String dated =
        json.replace("2026-10-30", day.minusDays(20).toString())
            .replace("2026-11-26", day.plusDays(1).toString())
            .replace("2026-11-30", day.plusDays(5).toString())
            .replace("2026-12-28", day.plusDays(33).toString())
            .replace("2026-11-25", day.toString());
    return Reply.bytes(200, "application/json", dated.getBytes(StandardCharsets.UTF_8));
  }
}

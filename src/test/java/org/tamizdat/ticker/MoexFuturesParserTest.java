package org.tamizdat.ticker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tamizdat.testing.FixtureServer;

/**
 * Fixtures in ISS's shape: BR contracts that expired, trade next and trade later, a closer contract
 * of another asset, and one file with every column in another order.
 */
class MoexFuturesParserTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  final MoexFuturesParser parser = new MoexFuturesParser();

  MoexFuturesParser.FrontMonth parse(String name) throws UpstreamProblem {
    return parser.parse(FixtureServer.resource("ticker/moex/" + name), "BR", TODAY);
  }

  String problem(byte[] body) {
    return assertThrows(UpstreamProblem.class, () -> parser.parse(body, "BR", TODAY)).reason();
  }

  String problem(String name) {
    return problem(FixtureServer.resource("ticker/moex/" + name));
  }

  @Test
  void picksTheNearestContractNotYetExpiredAndItsLastPrice() throws Exception {
    MoexFuturesParser.FrontMonth front = parse("brent.json");
    assertEquals("BRZ6", front.secId());
    assertEquals(LocalDate.of(2026, 11, 30), front.lastTradeDate());
    assertEquals(new BigDecimal("63.47"), front.price());
    assertEquals("LAST", front.priceColumn());
    assertEquals(Optional.of(LocalDateTime.of(2026, 11, 25, 14, 32, 10)), front.updated());
  }

  @Test
  void columnsAreReadByNameInAnyOrder() throws Exception {
    assertEquals(parse("brent.json"), parse("reordered.json"));
  }

  @Test
  void withoutTradesTodayThePriceFallsBackToSettlement() throws Exception {
    MoexFuturesParser.FrontMonth settle = parse("last-null.json");
    assertEquals(new BigDecimal("63.12"), settle.price());
    assertEquals("SETTLEPRICE", settle.priceColumn());
    MoexFuturesParser.FrontMonth previous = parse("last-and-settle-null.json");
    assertEquals(new BigDecimal("62.9"), previous.price());
    assertEquals("PREVSETTLEPRICE", previous.priceColumn());
  }

  @Test
  void aContractExpiringTodayIsStillTheFrontMonth() throws Exception {
    MoexFuturesParser.FrontMonth front =
        parser.parse(
            FixtureServer.resource("ticker/moex/brent.json"), "BR", LocalDate.of(2026, 11, 30));
    assertEquals("BRZ6", front.secId());
  }

  @Test
  void badInputIsRefusedWithAReason() {
    assertEquals(
        "unknown column layout: securities has no LASTTRADEDATE", problem("unknown-layout.json"));
    assertEquals("malformed number '63,47' in LAST", problem("malformed-number.json"));
    assertEquals("HTML page instead of JSON", problem("<!DOCTYPE html><p>down</p>".getBytes()));
    assertEquals("empty body", problem(new byte[0]));
    assertEquals("unknown column layout: no securities block", problem("{}".getBytes()));
    assertEquals("malformed JSON: an object was expected", problem("[1, 2]".getBytes()));
    assertEquals(
        "no BR contract trading on or after 2027-01-01",
        assertThrows(
                UpstreamProblem.class,
                () ->
                    parser.parse(
                        FixtureServer.resource("ticker/moex/brent.json"),
                        "BR",
                        LocalDate.of(2027, 1, 1)))
            .reason());
    assertEquals(
        "malformed JSON at line 1, column 30: Unexpected end-of-input",
        problem("{\"securities\": {\"columns\": []".getBytes()));
  }
}

package org.tamizdat.ticker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tamizdat.testing.FixtureServer;

/** Fixtures are our own files in CBR's exact format: windows-1251 bytes, decimal commas. */
class CbrDailyParserTest {
  final CbrDailyParser parser = new CbrDailyParser();

  static byte[] fixture(String name) {
    return FixtureServer.resource("ticker/cbr/" + name);
  }

  CbrDailyParser.Rates parse(String name, String... wanted) throws UpstreamProblem {
    return parser.parse(fixture(name), List.of(wanted));
  }

  static void assertRate(String expected, BigDecimal actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(actual), expected + " vs " + actual);
  }

  String problem(byte[] body) {
    return assertThrows(UpstreamProblem.class, () -> parser.parse(body, List.of("USD"))).reason();
  }

  @Test
  void ratesPerUnitInWindows1251WithDecimalCommas() throws Exception {
    byte[] body = fixture("daily.xml");
    // The file really is windows-1251: its Cyrillic names are not valid UTF-8.
    assertTrue(new String(body, StandardCharsets.UTF_8).contains("\uFFFD"));
    CbrDailyParser.Rates rates = parse("daily.xml", "USD", "EUR", "JPY", "HKD");
    assertEquals(LocalDate.of(2026, 11, 25), rates.date());
    assertRate("93.2221", rates.perUnit().get("USD"));
    assertRate("95.7412", rates.perUnit().get("EUR"));
    assertRate("0.612345", rates.perUnit().get("JPY"));
    assertRate("11.98765", rates.perUnit().get("HKD"));
    assertEquals(List.of("USD", "EUR", "JPY", "HKD"), List.copyOf(rates.perUnit().keySet()));
    assertEquals(List.of(), rates.problems());
  }

  @Test
  void theDateIsTheOneCbrGivesNotTheOneAskedFor() throws Exception {
    assertEquals(LocalDate.of(2026, 12, 31), parse("holiday.xml", "USD").date());
  }

  @Test
  void aMissingCurrencyIsAProblemAndTheOthersStillCount() throws Exception {
    CbrDailyParser.Rates rates = parse("missing-eur.xml", "USD", "EUR");
    assertEquals(List.of("USD"), List.copyOf(rates.perUnit().keySet()));
    assertEquals(List.of("EUR: missing from the file"), rates.problems());
  }

  @Test
  void malformedZeroAndNegativeValuesAreRefusedPerCurrency() throws Exception {
    assertEquals(
        List.of("USD: malformed number '9З,2221'"),
        parse("malformed-number.xml", "USD", "EUR").problems());
    CbrDailyParser.Rates rates = parse("zero-and-negative.xml", "USD", "EUR");
    assertTrue(rates.perUnit().isEmpty());
    assertEquals(
        List.of(
            "USD: rate must be positive, got 0,0000", "EUR: rate must be positive, got -95,7412"),
        rates.problems());
  }

  @Test
  void dtdsAreRefusedSoNoEntityIsExpanded() {
    assertEquals("XML with a DTD refused", problem(fixture("dtd.xml")));
  }

  @Test
  void htmlEmptyTruncatedAndForeignDocumentsAreRefused() {
    assertEquals("HTML page instead of XML", problem(fixture("error.html")));
    assertEquals("empty body", problem(new byte[0]));
    assertEquals("empty body", problem(" \n".getBytes()));
    assertTrue(problem(fixture("truncated.xml")).startsWith("not well-formed XML"));
    assertEquals("unexpected root element <rates>", problem("<rates/>".getBytes()));
    assertEquals(
        "missing or malformed Date '2026-11-25'",
        problem("<ValCurs Date=\"2026-11-25\"/>".getBytes()));
  }
}

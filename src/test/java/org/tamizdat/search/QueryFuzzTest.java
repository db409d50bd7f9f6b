package org.tamizdat.search;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.tamizdat.testing.Fuzzing;

/** Whatever a reader types, the query parser answers with a query and never throws. */
class QueryFuzzTest {
  @BeforeAll
  static void quietReplay() {
    Fuzzing.instrumentOnlyWhenFuzzing();
  }

  private static final ForgivingQueryParser PARSER = new ForgivingQueryParser(new SearchAnalyzer());

  @FuzzTest(maxDuration = "10s")
  void anyTextBecomesAQuery(byte[] input) {
    String raw = new String(input, StandardCharsets.UTF_8);
    UserQuery query = UserQuery.of(raw);
    // The limit counts characters (code points), as QueryParsingTest pins; an emoji is one.
    assertTrue(
        query.text().codePointCount(0, query.text().length()) <= UserQuery.MAX_LENGTH,
        query.text());
    assertNotNull(PARSER.parse(query));
  }
}

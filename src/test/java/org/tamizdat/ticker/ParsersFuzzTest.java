package org.tamizdat.ticker;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.tamizdat.testing.Fuzzing;

/**
 * Upstream bodies are hostile input: whatever bytes arrive, the parsers answer with rates or an
 * {@link UpstreamProblem}, never another exception. Inputs: ParsersFuzzTestInputs in resources.
 */
class ParsersFuzzTest {
  @BeforeAll
  static void quietReplay() {
    Fuzzing.instrumentOnlyWhenFuzzing();
  }

  @FuzzTest(maxDuration = "10s")
  void cbrDailyAnswersOrNamesTheProblem(byte[] body) {
    try {
      new CbrDailyParser().parse(body, List.of("USD", "EUR"));
    } catch (UpstreamProblem expected) {
      // A clear refusal is the right answer to a bad body.
    }
  }

  @FuzzTest(maxDuration = "10s")
  void moexFuturesAnswersOrNamesTheProblem(byte[] body) {
    try {
      new MoexFuturesParser().parse(body, "BR", LocalDate.of(2026, 5, 4));
    } catch (UpstreamProblem expected) {
      // A clear refusal is the right answer to a bad body.
    }
  }
}

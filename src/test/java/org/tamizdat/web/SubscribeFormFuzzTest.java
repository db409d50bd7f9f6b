package org.tamizdat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.tamizdat.newsletter.EmailAddress;
import org.tamizdat.testing.Fuzzing;

/**
 * The subscribe form end to end without the network: any body parses, and an address that passes
 * validation is short and cannot smuggle a header into the confirmation mail.
 */
class SubscribeFormFuzzTest {
  @BeforeAll
  static void quietReplay() {
    Fuzzing.instrumentOnlyWhenFuzzing();
  }

  @FuzzTest(maxDuration = "10s")
  void anyBodyGivesFieldsAndOnlySafeAddresses(byte[] body) {
    Map<String, List<String>> fields;
    try {
      fields = FormBody.parse("application/x-www-form-urlencoded", body);
    } catch (HttpError e) {
      // A broken percent-escape is answered 400, which the reader sees as a plain error page.
      assertEquals(400, e.status());
      return;
    }
    for (String value : fields.getOrDefault("email", List.of(new String(body)))) {
      EmailAddress.Parsed parsed = EmailAddress.parse(value);
      assertTrue(parsed.address().isPresent() != parsed.problem().isPresent(), value);
      parsed
          .address()
          .ifPresent(a -> {
            String text = a.toString();
            assertTrue(text.length() <= EmailAddress.MAX_LENGTH, text);
            assertFalse(text.matches("(?s).*[\\r\\n\\x00<>,;\"].*"), text);
          });
    }
  }
}

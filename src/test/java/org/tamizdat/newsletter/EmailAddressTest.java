package org.tamizdat.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmailAddressTest {
  static Optional<EmailAddress.Problem> problem(String input) {
    return EmailAddress.parse(input).problem();
  }

  static String parsed(String input) {
    return EmailAddress.parse(input).address().orElseThrow().toString();
  }

  @Test
  void ordinaryAddressesParseAndDomainsAreLowerCased() {
    assertEquals("Reader.One+news@example.org", parsed("  Reader.One+news@Example.ORG "));
    assertEquals("a@b.co", parsed("a@b.co"));
  }

  @Test
  void internationalizedDomainsAreStoredInAsciiForm() {
    assertEquals("chitatel@xn--80aswg.xn--p1ai", parsed("chitatel@сайт.рф"));
    assertEquals("x@xn--mnchen-3ya.de", parsed("x@münchen.de"));
  }

  @Test
  void malformedAddressesAreRefusedWithAReason() {
    assertEquals(Optional.of(EmailAddress.Problem.EMPTY), problem("   "));
    assertEquals(Optional.of(EmailAddress.Problem.EMPTY), problem(null));
    for (String bad :
        new String[] {
          "no-at-sign",
          "@example.org",
          "reader@",
          "reader@localhost",
          "two@@example.org",
          ".dot@example.org",
          "dot.@example.org",
          "do..t@example.org",
          "space in@example.org",
          "читатель@example.org",
          "reader@exa_mple.org",
          "reader@-example.org",
          "reader@example..org",
          "\"quoted\"@example.org",
          "a@[127.0.0.1]"
        }) {
      assertEquals(Optional.of(EmailAddress.Problem.INVALID), problem(bad), bad);
    }
  }

  @Test
  void addressesLongerThan254CharactersAreTooLong() {
    String domain = "d".repeat(60) + "." + "e".repeat(60) + "." + "f".repeat(60) + ".org";
    String at254 = "l".repeat(254 - domain.length() - 1) + "@" + domain;
    assertEquals(254, at254.length());
    assertEquals(Optional.of(EmailAddress.Problem.INVALID), problem(at254), "local part > 64");
    String local64 = "l".repeat(64);
    String longDomain =
        String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(57)) + ".org";
    assertEquals(Optional.of(EmailAddress.Problem.TOO_LONG), problem(local64 + "@" + longDomain));
    assertEquals(Optional.of(EmailAddress.Problem.TOO_LONG), problem("x".repeat(300)));
  }

  @Test
  void theKeyIgnoresCase() {
    assertEquals(
        EmailAddress.parse("Reader@Example.org").address().orElseThrow().key(),
        EmailAddress.parse("reader@example.ORG").address().orElseThrow().key());
  }
}

package org.tamizdat.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {
  private final PasswordHasher hasher = new PasswordHasher();
  private final PasswordRules rules = new PasswordRules();

  @Test
  void hashIsArgon2idPhcWithTheOwaspParametersAndASalt() {
    String a = hasher.hash("a long enough passphrase");
    String b = hasher.hash("a long enough passphrase");
    assertTrue(a.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), a);
    assertNotEquals(a, b, "a fresh salt each time");
    assertTrue(hasher.verify("a long enough passphrase", a));
    assertFalse(hasher.verify("a long enough passphrasE", a));
  }

  /**
   * Hashes made by the reference implementation's command-line tool (Debian's {@code argon2}
   * package: {@code echo -n password | argon2 somesalt -id -t 2 -k 19456 -p 1 -l 32 -e}), to prove
   * our PHC strings interoperate.
   */
  @Test
  void verifiesHashesMadeByTheReferenceImplementation() {
    String ours =
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E";
    String stronger =
        "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo";
    assertTrue(hasher.verify("password", ours));
    assertTrue(hasher.verify("password", stronger));
    assertFalse(hasher.verify("Password", ours));
  }

  @Test
  void malformedHashesNeverVerify() {
    for (String bad :
        new String[] {
          null,
          "",
          "plain",
          "$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
          "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$",
          "$argon2id$v=19$m=x,t=2,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E"
        }) {
      assertFalse(hasher.verify("password", bad), String.valueOf(bad));
    }
  }

  @Test
  void rulesWantTwelveCharactersAndNoCommonPassword() {
    assertTrue(rules.size() > 5000, "the bundled list has a few thousand entries");
    assertTrue(rules.problem("short pass1").isPresent(), "11 characters");
    assertTrue(rules.problem("qwertyuiop12").isPresent(), "common");
    assertTrue(rules.problem("1q2w3e4r5t6y").isPresent(), "common keyboard walk");
    assertTrue(rules.problem("PASSWORD1234").isPresent(), "common, any case");
    assertTrue(rules.problem("dragon123456").isPresent(), "common word with digits appended");
    assertTrue(rules.problem("aaaaaaaaaaaaaaaa").isPresent(), "one character repeated");
    assertEquals(java.util.Optional.empty(), rules.problem("wobbly teapot lantern"));
    assertEquals(java.util.Optional.empty(), rules.problem("Фонарь горит всю ночь"));
    assertTrue(rules.problem("x".repeat(300)).isPresent(), "too long");
  }
}

package org.tamizdat.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tamizdat.db.Database;
import org.tamizdat.testing.MigratedDatabase;
import org.tamizdat.testing.MutableClock;
import org.tamizdat.testing.TestDatabase;

/** Accounts, sessions, codes, tokens, throttling and the audit log on each engine. */
abstract class AdminStorageContract {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  final AccountRepository repository = new AccountRepository();
  MigratedDatabase db;
  Database database;
  AdminSite admin;
  StaffAccounts accounts;

  abstract TestDatabase newDatabase();

  @BeforeEach
  void open() {
    db = MigratedDatabase.open(newDatabase());
    database = db.database();
    admin = new AdminSite(database, clock, URI.create("https://x.example"), "X", "/a.css", null);
    accounts = admin.accounts();
  }

  @AfterEach
  void close() {
    if (db != null) { // null when the database was skipped (no PostgreSQL)
      db.close();
    }
  }

  @Test
  void emailIsUniqueWhateverTheCase() {
    StaffAccounts.Created created =
        accounts.create(null, "Anna@Lantern.example", "Anna", Role.EDITOR);
    Account anna = database.read(h -> repository.byEmail(h, "anna@lantern.EXAMPLE")).orElseThrow();
    assertEquals(created.id(), anna.id());
    assertEquals("Anna@Lantern.example", anna.email());
    assertEquals(Role.EDITOR, anna.role());
    assertFalse(anna.hasPassword());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> accounts.create(null, "ANNA@lantern.example", null, Role.AUTHOR));
    assertTrue(e.getMessage().contains("exists already"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> accounts.create(null, "not-an-address", null, Role.AUTHOR));
    assertThrows(
        IllegalArgumentException.class,
        () -> accounts.create(null, "long@x.example", "n".repeat(201), Role.AUTHOR));
  }

  @Test
  void setPasswordLinkWorksOnceAndExpires() {
    StaffAccounts.Created created = accounts.create(null, "b@x.example", null, Role.AUTHOR);
    assertTrue(accounts.setPasswordWithToken(created.token(), "short", "short").isPresent());
    assertEquals(
        Optional.empty(),
        accounts.setPasswordWithToken(created.token(), "wobbly teapot one", "wobbly teapot one"));
    assertTrue(
        accounts
            .setPasswordWithToken(created.token(), "wobbly teapot two", "wobbly teapot two")
            .isPresent(),
        "used once already");
    String late = accounts.newPasswordToken(null, created.id());
    clock.advance(StaffAccounts.PASSWORD_LINK_LIFETIME);
    assertTrue(accounts.accountForToken(late).isEmpty(), "expired");
    assertTrue(
        accounts
            .setPasswordWithToken(late, "wobbly teapot three", "wobbly teapot three")
            .isPresent());
  }

  @Test
  void passwordChangeEndsEverySession() {
    StaffAccounts.Created created = accounts.create(null, "c@x.example", null, Role.AUTHOR);
    accounts.setPasswordWithToken(created.token(), "wobbly teapot one", "wobbly teapot one");
    String first =
        accounts.login("c@x.example", "wobbly teapot one", "k").sessionId().orElseThrow();
    String second =
        accounts.login("C@X.example", "wobbly teapot one", "k").sessionId().orElseThrow();
    Staff staff = admin.sessions().resolve(first).orElseThrow().account().staff();
    assertTrue(admin.sessions().resolve(second).isPresent());
    assertEquals(
        Optional.empty(),
        accounts.changePassword(
            staff, "wobbly teapot one", "wobbly teapot new", "wobbly teapot new"));
    assertTrue(admin.sessions().resolve(first).isEmpty());
    assertTrue(admin.sessions().resolve(second).isEmpty());
    assertTrue(accounts.login("c@x.example", "wobbly teapot one", "k").sessionId().isEmpty());
    assertTrue(accounts.login("c@x.example", "wobbly teapot new", "k").sessionId().isPresent());
  }

  @Test
  void totpStepIsUsedOnlyOnce() {
    long id = database.write(h -> repository.insert(h, "d@x.example", "D", Role.EDITOR, 1));
    database.write(h -> {
      repository.setTotp(h, id, "ABCDEFGH", 100, 1);
      return null;
    });
    assertFalse(
        database.<Boolean, RuntimeException>write(h -> repository.useTotpStep(h, id, 100)),
        "the enrolment step");
    assertTrue(database.<Boolean, RuntimeException>write(h -> repository.useTotpStep(h, id, 101)));
    assertFalse(
        database.<Boolean, RuntimeException>write(h -> repository.useTotpStep(h, id, 101)),
        "replay");
    assertFalse(
        database.<Boolean, RuntimeException>write(h -> repository.useTotpStep(h, id, 99)), "older");
  }

  @Test
  void recoveryCodesWorkOnceEach() {
    long id = database.write(h -> repository.insert(h, "e@x.example", "E", Role.EDITOR, 1));
    List<String> codes = new RecoveryCodes().generate();
    assertEquals(10, codes.stream().distinct().count());
    database.write(h -> {
      repository.replaceRecoveryCodes(h, id, codes, 1);
      return null;
    });
    String typed = codes.get(3).toUpperCase().replace("-", " ");
    assertTrue(
        database.<Boolean, RuntimeException>write(
            h -> repository.useRecoveryCode(h, id, typed, 2)));
    assertFalse(
        database.<Boolean, RuntimeException>write(
            h -> repository.useRecoveryCode(h, id, codes.get(3), 3)));
    assertEquals(
        9,
        (int) database.<Integer, RuntimeException>read(h -> repository.unusedRecoveryCodes(h, id)));
  }

  @Test
  void halfLoginsExpireAfterTenMinutes() {
    long id = database.write(h -> repository.insert(h, "f@x.example", "F", Role.EDITOR, 1));
    String half = database.write(h -> admin.sessions().create(h, id, StaffSession.Stage.CODE));
    clock.advance(Sessions.PENDING.minusSeconds(1));
    assertTrue(admin.sessions().resolve(half).isPresent());
    clock.advance(Duration.ofSeconds(1));
    assertTrue(admin.sessions().resolve(half).isEmpty());
  }

  @Test
  void purgeDeletesOnlySessionsThatCanNoLongerBeUsed() {
    long id = database.write(h -> repository.insert(h, "p@x.example", "P", Role.AUTHOR, 1));
    String old = database.write(h -> admin.sessions().create(h, id, StaffSession.Stage.OK));
    clock.advance(Sessions.IDLE.minusMinutes(5));
    String fresh = database.write(h -> admin.sessions().create(h, id, StaffSession.Stage.OK));
    clock.advance(Duration.ofMinutes(5));
    assertEquals(1, admin.sessions().purgeExpired());
    assertTrue(admin.sessions().resolve(old).isEmpty());
    assertTrue(admin.sessions().resolve(fresh).isPresent());
  }

  @Test
  void disabledAccountsLoseTheirSessionsAndCannotLogIn() {
    StaffAccounts.Created created = accounts.create(null, "g@x.example", null, Role.TRANSLATOR);
    accounts.setPasswordWithToken(created.token(), "wobbly teapot one", "wobbly teapot one");
    String session =
        accounts.login("g@x.example", "wobbly teapot one", "k").sessionId().orElseThrow();
    accounts.setDisabled(null, created.id(), true);
    assertTrue(admin.sessions().resolve(session).isEmpty());
    StaffAccounts.LoginResult again = accounts.login("g@x.example", "wobbly teapot one", "k");
    assertEquals(StaffAccounts.LOGIN_REFUSED, again.message());
  }

  @Test
  void fiveFailuresLockTheAddressWhetherOrNotItExists() {
    StaffAccounts.Created created = accounts.create(null, "h@x.example", null, Role.AUTHOR);
    accounts.setPasswordWithToken(created.token(), "wobbly teapot one", "wobbly teapot one");
    for (String address : List.of("h@x.example", "ghost@x.example")) {
      for (int i = 1; i < LoginThrottle.ACCOUNT_FAILURES; i++) {
        assertEquals(
            StaffAccounts.LOGIN_REFUSED,
            accounts.login(address, "wrong password!", "client-" + address).message());
      }
      assertEquals(
          StaffAccounts.LOCKED_OUT,
          accounts.login(address, "wrong password!", "client-" + address).message(),
          address);
    }
    // Even the right password waits out the lock, from any client.
    assertEquals(
        StaffAccounts.LOCKED_OUT,
        accounts.login("h@x.example", "wobbly teapot one", "another").message());
    clock.advance(LoginThrottle.LOCK);
    assertTrue(
        accounts.login("h@x.example", "wobbly teapot one", "another").sessionId().isPresent());
  }

  @Test
  void auditLogListsNewestFirstAndSurvivesTheAccount() {
    StaffAccounts.Created created = accounts.create(null, "i@x.example", null, Role.ADMIN);
    Staff staff = accounts.byId(created.id()).orElseThrow().staff();
    admin.audit().record(staff, "article.publish", "article", 42, "first");
    clock.advance(Duration.ofSeconds(1));
    admin.audit().record(staff, "article.unpublish", "article", 42, "second");
    List<AuditLog.Entry> page = admin.audit().page(0, 2);
    assertEquals("article.unpublish", page.get(0).action());
    assertEquals("article.publish", page.get(1).action());
    assertEquals("42", page.get(0).objectId());
    assertEquals("i@x.example", page.get(0).actorEmail());
    assertEquals(clock.millis(), page.get(0).at());
    assertEquals("user.create", admin.audit().page(2, 1).get(0).action());
  }
}

package org.tamizdat.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.AdminClient;
import org.tamizdat.testing.AdminLogin;
import org.tamizdat.testing.MutableClock;
import org.tamizdat.testing.TestApp;
import org.tamizdat.testing.TestDatabase;

/** The code step, throttling and session time-outs over HTTP, with a clock the test moves. */
class SecondFactorHttpTest {
  @TempDir static Path dir;
  static final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start(dir, TestDatabase.sqlite(dir), Map.of(), clock);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static HttpResponse<String> passwordStep(AdminClient client, String password) {
    client.dropCookie();
    return client.postRaw(
        "/admin/login", AdminClient.form(Map.of("email", client.email(), "password", password)));
  }

  @Test
  void aReplayedCodeIsRefused() {
    AdminClient editor = AdminLogin.as(app, Role.EDITOR);
    clock.advance(Duration.ofSeconds(30));
    passwordStep(editor, editor.password());
    editor.get("/admin/login/code");
    String code = editor.nextCode();
    assertEquals(303, editor.post("/admin/login/code", Map.of("code", code)).statusCode());
    // Someone who saw the code over the shoulder tries it within the same 30 seconds.
    passwordStep(editor, editor.password());
    editor.get("/admin/login/code");
    HttpResponse<String> replay = editor.post("/admin/login/code", Map.of("code", code));
    assertEquals(200, replay.statusCode());
    assertTrue(replay.body().contains("was used already"), replay.body());
    assertEquals(303, editor.get("/admin").statusCode(), "still not logged in");
  }

  @Test
  void theDatabaseHoldsTheTotpSecretOnlySealed() {
    AdminClient editor = AdminLogin.as(app, Role.EDITOR);
    String stored =
        app.app()
            .database()
            .read(h ->
                h.createQuery("SELECT totp_secret FROM staff_account WHERE id = :id")
                    .bind("id", editor.staff().id())
                    .mapTo(String.class)
                    .one());
    assertEquals(64, stored.length());
    assertFalse(stored.contains(editor.totpSecret()));
    assertTrue(Files.exists(dir.resolve("admin.key")));
  }

  @Test
  void recoveryCodesWorkOnceEach() {
    AdminClient admin = AdminLogin.as(app, Role.ADMIN);
    String recovery = admin.recoveryCodes().get(0);
    passwordStep(admin, admin.password());
    admin.get("/admin/login/code");
    assertEquals(303, admin.post("/admin/login/code", Map.of("code", recovery)).statusCode());
    assertEquals(200, admin.get("/admin").statusCode());
    passwordStep(admin, admin.password());
    admin.get("/admin/login/code");
    HttpResponse<String> again = admin.post("/admin/login/code", Map.of("code", recovery));
    assertEquals(200, again.statusCode());
    assertTrue(again.body().contains("was used already"));
    assertEquals(
        303,
        admin.post("/admin/login/code", Map.of("code", admin.recoveryCodes().get(1))).statusCode());
  }

  @Test
  void codeStepWithoutCsrfTokenIsRefused() {
    AdminClient editor = AdminLogin.as(app, Role.EDITOR);
    clock.advance(Duration.ofSeconds(30));
    passwordStep(editor, editor.password());
    HttpResponse<String> response =
        editor.postRaw("/admin/login/code", AdminClient.form(Map.of("code", editor.nextCode())));
    assertEquals(403, response.statusCode());
  }

  @Test
  void lockOutLooksTheSameForKnownAndUnknownAddresses() {
    AdminClient author = AdminLogin.as(app, Role.AUTHOR);
    String ghost = "ghost-" + System.nanoTime() + "@lantern.example";
    for (String email : new String[] {author.email(), ghost}) {
      HttpResponse<String> last = null;
      for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES; i++) {
        last =
            app.post(
                "/admin/login",
                AdminClient.form(Map.of("email", email, "password", "wrong password " + i)));
      }
      assertTrue(last.body().contains(StaffAccounts.LOCKED_OUT), email + ": " + last.body());
      assertEquals(429, last.statusCode(), email);
      assertEquals(
          Optional.of(String.valueOf(LoginThrottle.LOCK.toSeconds())),
          last.headers().firstValue("Retry-After"));
    }
    // The right password does not get through the lock either, and says the same.
    HttpResponse<String> right = passwordStep(author, author.password());
    assertEquals(429, right.statusCode());
    assertTrue(right.body().contains(StaffAccounts.LOCKED_OUT));
    clock.advance(LoginThrottle.LOCK);
    assertEquals(303, passwordStep(author, author.password()).statusCode());
  }

  @Test
  void sessionsEndWhenIdleTooLong() {
    AdminClient translator = AdminLogin.as(app, Role.TRANSLATOR);
    clock.advance(Sessions.IDLE.minusMinutes(1));
    assertEquals(200, translator.get("/admin").statusCode());
    clock.advance(Sessions.IDLE.minusMinutes(1));
    assertEquals(200, translator.get("/admin").statusCode(), "activity keeps it alive");
    clock.advance(Sessions.IDLE);
    assertEquals(303, translator.get("/admin").statusCode());
  }
}

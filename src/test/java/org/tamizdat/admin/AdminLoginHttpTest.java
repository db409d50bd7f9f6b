package org.tamizdat.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.AdminClient;
import org.tamizdat.testing.AdminLogin;
import org.tamizdat.testing.TestApp;

/** Logging in and out over real HTTP against the whole app, as a browser would. */
class AdminLoginHttpTest {
  @TempDir static Path dir;
  static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start(dir, Map.of());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void withoutSessionAdminPagesSendToLogin() {
    HttpResponse<String> response = app.get("/admin");
    assertEquals(303, response.statusCode());
    assertEquals("/admin/login", response.headers().firstValue("Location").orElseThrow());
    assertEquals(200, app.get("/admin/login").statusCode());
    HttpResponse<String> post = app.post("/admin/password", "current=x");
    assertEquals(401, post.statusCode());
  }

  @Test
  void everyRoleLogsInAndSeesTheDashboardWithItsName() {
    for (Role role : Role.values()) {
      AdminClient client = AdminLogin.as(app, role);
      HttpResponse<String> home = client.get("/admin");
      assertEquals(200, home.statusCode(), role.name());
      assertTrue(home.body().contains(client.staff().displayName()), role.name());
      assertEquals(role.requiresTotp(), client.totpSecret() != null, role.name());
    }
  }

  @Test
  void sessionCookieIsHostPrefixedSecureHttpOnlyStrictAndNewOnEveryLogin() {
    AdminClient client = AdminLogin.as(app, Role.AUTHOR);
    String first = client.sessionId();
    HttpResponse<String> login =
        client.postRaw(
            "/admin/login",
            AdminClient.form(Map.of("email", client.email(), "password", client.password())));
    assertEquals(303, login.statusCode());
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.startsWith("__Host-tamizdat-session="), cookie);
    List<String> attributes = List.of(cookie.split(";\\s*"));
    assertTrue(attributes.contains("Secure"), cookie);
    assertTrue(attributes.contains("HttpOnly"), cookie);
    assertTrue(attributes.contains("SameSite=Strict"), cookie);
    assertTrue(attributes.contains("Path=/"), cookie);
    assertFalse(cookie.toLowerCase().contains("domain="), cookie);
    assertNotEquals(first, client.sessionId());
    assertEquals(200, client.get("/admin").statusCode());
  }

  @Test
  void adminPagesAreNoStoreAndNeverCached() {
    AdminClient client = AdminLogin.as(app, Role.TRANSLATOR);
    for (String path : List.of("/admin", "/admin/password", "/admin/login")) {
      HttpResponse<String> page = client.get(path);
      assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""), path);
      assertTrue(page.headers().firstValue("ETag").isEmpty(), path);
      assertTrue(
          page.headers()
              .firstValue("Content-Security-Policy")
              .orElse("")
              .contains("script-src 'self'"),
          path);
    }
    // A second browser without the cookie must not get the first one's page from any cache.
    assertEquals(303, app.get("/admin").statusCode());
  }

  @Test
  void wrongPasswordAndUnknownAddressGetTheSameAnswer() {
    AdminClient client = AdminLogin.as(app, Role.AUTHOR);
    HttpResponse<String> wrong =
        app.post(
            "/admin/login",
            AdminClient.form(Map.of("email", client.email(), "password", "not the password!")));
    HttpResponse<String> unknown =
        app.post(
            "/admin/login",
            AdminClient.form(
                Map.of("email", "nobody@lantern.example", "password", "not the password!")));
    assertEquals(200, wrong.statusCode());
    assertTrue(wrong.body().contains("The e-mail address or the password is wrong."));
    assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());
    assertEquals(
        wrong.body().replace(client.email(), "X"),
        unknown.body().replace("nobody@lantern.example", "X"));
  }

  @Test
  void postWithoutOrWithWrongCsrfTokenIsRefused() {
    AdminClient client = AdminLogin.as(app, Role.AUTHOR);
    String form =
        AdminClient.form(Map.of("current", AdminLogin.PASSWORD, "password", "x", "repeat", "x"));
    HttpResponse<String> missing = client.postRaw("/admin/password", form);
    assertEquals(403, missing.statusCode());
    HttpResponse<String> wrong =
        client.postRaw("/admin/password", form + "&csrf=" + "A".repeat(43));
    assertEquals(403, wrong.statusCode());
    // Another session's token does not fit this one.
    AdminClient other = AdminLogin.as(app, Role.AUTHOR);
    HttpResponse<String> foreign =
        client.postRaw("/admin/password", form + "&csrf=" + other.csrf());
    assertEquals(403, foreign.statusCode());
  }

  @Test
  void logoutEndsTheSessionOnTheServer() {
    AdminClient client = AdminLogin.as(app, Role.EDITOR);
    String id = client.sessionId();
    HttpResponse<String> out = client.post("/admin/logout", Map.of());
    assertEquals(303, out.statusCode());
    assertTrue(out.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
    assertNull(client.sessionId());
    // Replaying the old cookie does not work either.
    HttpResponse<String> replay = app.get("/admin", "Cookie", SessionCookie.NAME + "=" + id);
    assertEquals(303, replay.statusCode());
  }

  @Test
  void passwordChangeLogsOutEveryBrowserOfThatPerson() {
    AdminClient laptop = AdminLogin.as(app, Role.AUTHOR);
    AdminClient phone = AdminLogin.as(app, Role.TRANSLATOR);
    AdminClient colleague = AdminLogin.as(app, Role.AUTHOR);
    assertEquals(200, phone.get("/admin").statusCode());
    HttpResponse<String> weak =
        laptop.post(
            "/admin/password",
            Map.of(
                "current",
                AdminLogin.PASSWORD,
                "password",
                "password1234",
                "repeat",
                "password1234"));
    assertEquals(200, weak.statusCode());
    assertTrue(weak.body().contains("common passwords"), weak.body());
    HttpResponse<String> wrongCurrent =
        laptop.post(
            "/admin/password",
            Map.of(
                "current",
                "not it at all",
                "password",
                "new kettle harbour",
                "repeat",
                "new kettle harbour"));
    assertTrue(wrongCurrent.body().contains("The current password is wrong."));
    String laptopSession = laptop.sessionId();
    // The same person logged in on a second device.
    String secondSession =
        app.app()
            .admin()
            .accounts()
            .login(laptop.email(), AdminLogin.PASSWORD, "another-device")
            .sessionId()
            .orElseThrow();
    HttpResponse<String> changed =
        laptop.post(
            "/admin/password",
            Map.of(
                "current",
                AdminLogin.PASSWORD,
                "password",
                "new kettle harbour",
                "repeat",
                "new kettle harbour"));
    assertEquals(303, changed.statusCode());
    assertEquals(
        "/admin/login?done=password", changed.headers().firstValue("Location").orElseThrow());
    for (String session : List.of(laptopSession, secondSession)) {
      assertEquals(
          303, app.get("/admin", "Cookie", SessionCookie.NAME + "=" + session).statusCode());
    }
    assertEquals(200, colleague.get("/admin").statusCode(), "another account is untouched");
    assertEquals(200, phone.get("/admin").statusCode(), "another account is untouched");
  }

  @Test
  void editorMustGiveACodeAfterThePassword() {
    AdminClient editor = AdminLogin.as(app, Role.EDITOR);
    editor.dropCookie();
    HttpResponse<String> login =
        editor.postRaw(
            "/admin/login",
            AdminClient.form(Map.of("email", editor.email(), "password", editor.password())));
    assertEquals("/admin/login/code", login.headers().firstValue("Location").orElseThrow());
    // Half logged in: no admin page yet, even by a direct request.
    HttpResponse<String> early = editor.get("/admin");
    assertEquals(303, early.statusCode());
    assertEquals("/admin/login/code", early.headers().firstValue("Location").orElseThrow());
    editor.get("/admin/login/code");
    HttpResponse<String> code = editor.post("/admin/login/code", Map.of("code", editor.nextCode()));
    assertEquals(303, code.statusCode());
    assertEquals(200, editor.get("/admin").statusCode());
    assertNotNull(editor.csrf());
  }
}

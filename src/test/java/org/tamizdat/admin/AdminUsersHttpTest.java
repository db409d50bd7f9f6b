package org.tamizdat.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.export.ExportProgress;
import org.tamizdat.export.ExportTarget;
import org.tamizdat.testing.AdminClient;
import org.tamizdat.testing.AdminLogin;
import org.tamizdat.testing.TestApp;

/** The users page, the audit log and the admin's real routes, by direct requests of every role. */
class AdminUsersHttpTest {
  private static final Pattern LINK =
      Pattern.compile("class=\"password-link\">[^<]*/admin/set-password\\?token=([A-Za-z0-9_-]+)<");

  @TempDir static Path dir;
  static TestApp app;
  static AdminClient admin;

  @BeforeAll
  static void start() {
    app = TestApp.start(dir.resolve("app"), Map.of());
    admin = AdminLogin.as(app, Role.ADMIN);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String token(HttpResponse<String> page) {
    Matcher m = LINK.matcher(page.body());
    assertTrue(m.find(), page.body());
    return m.group(1);
  }

  private static long idOf(String email) {
    return app.app().admin().accounts().list().stream()
        .filter(a -> a.email().equals(email))
        .findFirst()
        .orElseThrow()
        .id();
  }

  @Test
  void everyRoleOnEveryAdminRouteByDirectRequest() {
    record Probe(String method, String path, Action action) {}
    Permissions permissions = new Permissions();
    for (Role role : Role.values()) {
      AdminClient client = AdminLogin.as(app, role);
      // Each aims at its own account: an admin's own is protected (400), so nothing changes.
      long someone = client.staff().id();
      List<Probe> probes =
          List.of(
              new Probe("GET", "/admin", Action.VIEW_ADMIN),
              new Probe("GET", "/admin/password", Action.CHANGE_OWN_PASSWORD),
              new Probe("GET", "/admin/users", Action.MANAGE_USERS),
              new Probe("GET", "/admin/audit", Action.VIEW_AUDIT),
              new Probe("POST", "/admin/users", Action.MANAGE_USERS),
              new Probe("POST", "/admin/users/" + someone + "/disable", Action.MANAGE_USERS),
              new Probe("POST", "/admin/users/" + someone + "/role", Action.MANAGE_USERS),
              new Probe("POST", "/admin/users/" + someone + "/password-link", Action.MANAGE_USERS));
      for (Probe probe : probes) {
        int status =
            probe.method.equals("GET")
                ? client.get(probe.path).statusCode()
                : client.post(probe.path, Map.of("role", "admin", "email", "")).statusCode();
        String what = role + " " + probe.method + " " + probe.path;
        if (permissions.allows(role, probe.action)) {
          assertTrue(status != 403 && status != 401, what + " -> " + status);
        } else {
          assertEquals(403, status, what);
        }
      }
      Account self = app.app().admin().accounts().byId(someone).orElseThrow();
      assertEquals(role, self.role(), "unchanged");
      assertFalse(self.disabled(), "still active");
    }
  }

  @Test
  void adminCreatesAnAccountWhoseLinkSetsThePasswordOnce() {
    HttpResponse<String> created =
        admin.post(
            "/admin/users",
            Map.of("email", "new.author@lantern.example", "name", "New Author", "role", "author"));
    assertEquals(200, created.statusCode());
    String token = token(created);
    HttpResponse<String> form = app.get("/admin/set-password?token=" + token);
    assertEquals(200, form.statusCode());
    assertTrue(form.body().contains("new.author@lantern.example"));
    HttpResponse<String> weak =
        app.post(
            "/admin/set-password",
            AdminClient.form(
                Map.of("token", token, "password", "qwertyuiop123", "repeat", "qwertyuiop123")));
    assertTrue(weak.body().contains("common passwords"), weak.body());
    HttpResponse<String> set =
        app.post(
            "/admin/set-password",
            AdminClient.form(
                Map.of(
                    "token",
                    token,
                    "password",
                    "sturdy kettle lamp",
                    "repeat",
                    "sturdy kettle lamp")));
    assertEquals(303, set.statusCode());
    assertEquals(404, app.get("/admin/set-password?token=" + token).statusCode(), "used once");
    HttpResponse<String> login =
        app.post(
            "/admin/login",
            AdminClient.form(
                Map.of("email", "New.Author@lantern.example", "password", "sturdy kettle lamp")));
    assertEquals(303, login.statusCode());
    assertEquals("/admin", login.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void duplicateOrMalformedAddressesAreRefusedWithAMessage() {
    HttpResponse<String> dup =
        admin.post("/admin/users", Map.of("email", admin.email().toUpperCase(), "role", "editor"));
    assertEquals(400, dup.statusCode());
    assertTrue(dup.body().contains("exists already"), dup.body());
    HttpResponse<String> bad =
        admin.post("/admin/users", Map.of("email", "nope", "role", "editor"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("Not an e-mail address"), bad.body());
  }

  @Test
  void promotionToEditorEndsTheSessionAndRequiresEnrolment() {
    AdminClient author = AdminLogin.as(app, Role.AUTHOR);
    assertEquals(
        303,
        admin
            .post("/admin/users/" + author.staff().id() + "/role", Map.of("role", "editor"))
            .statusCode());
    assertEquals(303, author.get("/admin").statusCode(), "session ended");
    HttpResponse<String> login =
        author.postRaw(
            "/admin/login",
            AdminClient.form(Map.of("email", author.email(), "password", author.password())));
    assertEquals("/admin/totp/enrol", login.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> direct = author.get("/admin/users");
    assertEquals(303, direct.statusCode());
    assertEquals("/admin/totp/enrol", direct.headers().firstValue("Location").orElseThrow());
    author.get("/admin/totp/enrol");
    HttpResponse<byte[]> qr =
        app.getBytes("/admin/totp/qr.svg", "Cookie", SessionCookie.NAME + "=" + author.sessionId());
    assertEquals(200, qr.statusCode());
    assertEquals("image/svg+xml", qr.headers().firstValue("Content-Type").orElseThrow());
    String svg = new String(qr.body(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(svg.startsWith("<svg") && svg.contains("<path"), svg);
    assertEquals(404, app.get("/admin/totp/qr.svg").statusCode(), "no session, no secret");
  }

  @Test
  void disabledStaffAreLoggedOutAndCannotLogIn() {
    AdminClient translator = AdminLogin.as(app, Role.TRANSLATOR);
    admin.post("/admin/users/" + translator.staff().id() + "/disable", Map.of());
    assertEquals(303, translator.get("/admin").statusCode());
    HttpResponse<String> login =
        app.post(
            "/admin/login",
            AdminClient.form(
                Map.of("email", translator.email(), "password", translator.password())));
    assertTrue(login.body().contains(StaffAccounts.LOGIN_REFUSED));
    admin.post("/admin/users/" + translator.staff().id() + "/enable", Map.of());
    translator.login();
    assertEquals(200, translator.get("/admin").statusCode());
  }

  @Test
  void auditLogShowsActionsNewestFirstToAdminsOnly() {
    AdminClient author = AdminLogin.as(app, Role.AUTHOR);
    admin.post("/admin/users/" + author.staff().id() + "/password-link", Map.of());
    author.get("/admin/users"); // denied, and recorded
    HttpResponse<String> page = admin.get("/admin/audit");
    assertEquals(200, page.statusCode());
    String body = page.body();
    int denied = body.indexOf("<td>" + author.email() + "</td><td>denied</td>");
    int link =
        body.indexOf("<td>user.password-link</td><td>account " + author.staff().id() + "</td>");
    assertTrue(denied > 0 && link > 0 && denied < link, body);
    assertEquals(403, author.get("/admin/audit").statusCode());
  }

  @Test
  void auditLogPagesBackwards() {
    for (int i = 0; i < UserPages.AUDIT_PAGE_SIZE + 5; i++) {
      app.app().admin().audit().record(admin.staff(), "probe.action", "probe", i, null);
    }
    HttpResponse<String> first = admin.get("/admin/audit");
    assertTrue(first.body().contains("<td>probe " + (UserPages.AUDIT_PAGE_SIZE + 4) + "</td>"));
    assertTrue(first.body().contains("rel=\"next\" href=\"/admin/audit?page=2\""));
    HttpResponse<String> second = admin.get("/admin/audit?page=2");
    assertTrue(second.body().contains("<td>probe 0</td>"), second.body());
    assertEquals(200, admin.get("/admin/audit?page=zzz").statusCode());
  }

  @Test
  void anExportHoldsNoAdminPage() throws IOException {
    Path out = dir.resolve("export");
    ExportTarget primary = ExportTarget.of(app.app().config(), Optional.empty(), false);
    app.app().export(out, primary, true, ExportProgress.NONE);
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(out)) {
      files
          .filter(Files::isRegularFile)
          .forEach(f -> {
            String rel = out.relativize(f).toString();
            if (rel.startsWith("admin")) {
              found.add(rel);
            }
            try {
              String text = Files.readString(f);
              if (text.contains("name=\"csrf\"") || text.contains("/admin/login")) {
                found.add(rel + " (mentions the admin)");
              }
            } catch (IOException | java.io.UncheckedIOException e) {
              // binary files: not pages
            }
          });
    }
    assertEquals(List.of(), found);
    assertTrue(Files.exists(out.resolve("en/index.html")), "the export ran");
  }
}

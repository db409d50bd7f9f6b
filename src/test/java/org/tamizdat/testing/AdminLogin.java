package org.tamizdat.testing;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tamizdat.admin.Role;
import org.tamizdat.admin.StaffAccounts;
import org.tamizdat.admin.Totp;

/**
 * Makes staff members for admin tests: creates an account of a role on a {@link TestApp}, sets its
 * password through the set-password link, enrols TOTP through the enrolment page when the role
 * needs it, logs in through the login pages and returns the logged-in {@link AdminClient}.
 *
 * <pre>{@code
 * AdminClient editor = AdminLogin.as(app, Role.EDITOR);
 * editor.get("/admin/articles");
 * editor.post("/admin/articles/new", Map.of("title", "..."));   // CSRF token added
 * }</pre>
 */
public final class AdminLogin {
  /** Every fixture account's password: long and not on the common list. */
  public static final String PASSWORD = "lantern-fixture wobbly teapot 7";

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<");
  private static final Pattern RECOVERY = Pattern.compile("<li><code>([a-z2-7-]{19})</code></li>");

  private AdminLogin() {}

  /** A new staff member of {@code role} with a unique address, logged in. */
  public static AdminClient as(TestApp app, Role role) {
    String email = role.dbValue() + COUNTER.incrementAndGet() + "@lantern.example";
    return as(app, role, email);
  }

  public static AdminClient as(TestApp app, Role role, String email) {
    AdminClient client = create(app, role, email);
    return loginFirstTime(app, client);
  }

  /** A new account whose password is set but who has not logged in yet. */
  public static AdminClient create(TestApp app, Role role, String email) {
    StaffAccounts accounts = app.app().admin().accounts();
    StaffAccounts.Created created = accounts.create(null, email, null, role);
    AdminClient client =
        new AdminClient(app, accounts.byId(created.id()).orElseThrow().staff(), PASSWORD);
    HttpResponse<String> set =
        client.postRaw(
            "/admin/set-password",
            AdminClient.form(
                Map.of("token", created.token(), "password", PASSWORD, "repeat", PASSWORD)));
    expectRedirect(set, "set-password");
    return client;
  }

  /** The first login: the password, then TOTP enrolment where the role needs it. */
  public static AdminClient loginFirstTime(TestApp app, AdminClient client) {
    HttpResponse<String> login =
        client.postRaw(
            "/admin/login",
            AdminClient.form(Map.of("email", client.email(), "password", client.password())));
    expectRedirect(login, "login");
    if (login.headers().firstValue("Location").orElseThrow().equals("/admin/totp/enrol")) {
      HttpResponse<String> page = client.get("/admin/totp/enrol");
      Matcher m = SECRET.matcher(page.body());
      if (!m.find()) {
        throw new AssertionError("no TOTP secret on the enrolment page:\n" + page.body());
      }
      String secret = m.group(1).replace(" ", "");
      long now = app.app().clock().millis();
      HttpResponse<String> codes =
          client.post("/admin/totp/enrol", Map.of("code", Totp.code(secret, now)));
      List<String> recovery = new ArrayList<>();
      Matcher r = RECOVERY.matcher(codes.body());
      while (r.find()) {
        recovery.add(r.group(1));
      }
      if (codes.statusCode() != 200 || recovery.size() != 10) {
        throw new AssertionError(
            "TOTP enrolment failed: " + codes.statusCode() + "\n" + codes.body());
      }
      client.enrolled(secret, recovery, Totp.step(now));
    }
    HttpResponse<String> home = client.get("/admin");
    if (home.statusCode() != 200) {
      throw new AssertionError("not logged in: GET /admin gave " + home.statusCode());
    }
    return client;
  }

  static void expectRedirect(HttpResponse<String> response, String step) {
    if (response.statusCode() != 303) {
      throw new AssertionError(
          step + " step answered " + response.statusCode() + ", not 303:\n" + response.body());
    }
  }
}

package org.tamizdat.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tamizdat.testing.MigratedDatabase;
import org.tamizdat.testing.MutableClock;
import org.tamizdat.testing.TestDatabase;
import org.tamizdat.web.Request;
import org.tamizdat.web.Response;
import org.tamizdat.web.Route;

/**
 * Every role against every action through the guard itself, as a direct request with a real session
 * cookie would arrive (no UI in between): allowed runs the handler, the rest get 403.
 */
class GuardMatrixTest {
  @TempDir Path dir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  MigratedDatabase db;
  AdminSite admin;
  final Map<Role, String> cookies = new EnumMap<>(Role.class);

  @BeforeEach
  void open() {
    db = MigratedDatabase.open(TestDatabase.sqlite(dir));
    admin =
        new AdminSite(
            db.database(), clock, URI.create("https://lantern.example"), "Lantern", "/a.css", null);
    AccountRepository repository = new AccountRepository();
    for (Role role : Role.values()) {
      String id =
          db.database()
              .write(h -> {
                long account =
                    repository.insert(h, role.dbValue() + "@x.org", role.name(), role, 1);
                repository.setTotp(h, account, new Totp().newSecret(), 0, 1);
                return admin.sessions().create(h, account, StaffSession.Stage.OK);
              });
      cookies.put(role, id);
    }
  }

  @AfterEach
  void close() {
    db.close();
  }

  private Request get(String path, String cookie) {
    return new Request(
        "GET",
        path,
        Map.of(),
        name -> name.equals("Cookie") ? SessionCookie.NAME + "=" + cookie : null);
  }

  @Test
  void everyRoleTimesEveryAction() throws Exception {
    Permissions permissions = new Permissions();
    for (Action action : Action.values()) {
      Route route = admin.guard().protect(action, (req, ctx) -> Response.text(200, "ran"));
      for (Role role : Role.values()) {
        Response response = route.handle(get("/admin/probe", cookies.get(role)));
        int expected = permissions.allows(role, action) ? 200 : 403;
        assertEquals(expected, response.status(), role + " " + action);
        assertEquals("no-store", response.headers().get("Cache-Control"), role + " " + action);
      }
    }
  }

  @Test
  void refusalsAreAudited() throws Exception {
    long before = admin.audit().count();
    Route route = admin.guard().protect(Action.MANAGE_USERS, (req, ctx) -> Response.text(200, ""));
    assertEquals(403, route.handle(get("/admin/users", cookies.get(Role.AUTHOR))).status());
    assertEquals(before + 1, admin.audit().count());
    AuditLog.Entry entry = admin.audit().page(0, 1).get(0);
    assertEquals("denied", entry.action());
    assertEquals("author@x.org", entry.actorEmail());
    assertEquals("/admin/users", entry.objectId());
  }

  @Test
  void sessionsEndAfterIdleAndAbsoluteTimeouts() throws Exception {
    Route route = admin.guard().protect(Action.VIEW_ADMIN, (req, ctx) -> Response.text(200, ""));
    String cookie = cookies.get(Role.AUTHOR);
    // Active every 29 minutes: the idle limit never hits, the absolute one does at 12 hours.
    long minutes = 0;
    while (minutes + 29 < Sessions.ABSOLUTE.toMinutes()) {
      clock.advance(java.time.Duration.ofMinutes(29));
      minutes += 29;
      assertEquals(200, route.handle(get("/admin", cookie)).status(), "after " + minutes + " min");
    }
    clock.advance(java.time.Duration.ofMinutes(29));
    assertEquals(303, route.handle(get("/admin", cookie)).status(), "absolute limit");

    String idle = cookies.get(Role.TRANSLATOR);
    clock.advance(Sessions.IDLE);
    assertEquals(303, route.handle(get("/admin", idle)).status(), "idle limit");
  }

  @Test
  void roleThatNeedsTotpWithoutItIsSentToEnrol() throws Exception {
    AccountRepository repository = new AccountRepository();
    String id =
        db.database()
            .write(h -> {
              long account = repository.insert(h, "new@x.org", "New", Role.EDITOR, 1);
              return admin.sessions().create(h, account, StaffSession.Stage.OK);
            });
    Route route = admin.guard().protect(Action.VIEW_ADMIN, (req, ctx) -> Response.text(200, ""));
    Response response = route.handle(get("/admin", id));
    assertEquals(303, response.status());
    assertEquals("/admin/totp/enrol", response.headers().get("Location"));
  }
}

package org.tamizdat.admin;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tamizdat.web.HttpError;
import org.tamizdat.web.Request;
import org.tamizdat.web.Response;
import org.tamizdat.web.Router;

/**
 * For admins: the staff list, new accounts (with their set-password link), role changes, disabling
 * and fresh set-password links; and the audit log, newest first. An admin cannot demote or disable
 * themselves, so the newsroom is never left without one by a slip.
 */
public final class UserPages {
  public static final int AUDIT_PAGE_SIZE = 50;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  /** A row of the users table. */
  public record UserRow(
      long id,
      String email,
      String name,
      String role,
      boolean disabled,
      boolean totp,
      boolean self) {}

  /** A row of the audit table, formatted. */
  public record AuditRow(String at, String who, String action, String object, String detail) {}

  private final StaffAccounts accounts;
  private final AuditLog audit;
  private final AdminGuard guard;
  private final URI baseUrl;
  private final ZoneId zone;

  public UserPages(
      StaffAccounts accounts, AuditLog audit, AdminGuard guard, URI baseUrl, ZoneId zone) {
    this.accounts = accounts;
    this.audit = audit;
    this.guard = guard;
    this.baseUrl = baseUrl;
    this.zone = zone;
  }

  public void register(Router router, AdminNav nav) {
    nav.add("Users", "/admin/users", Action.MANAGE_USERS);
    nav.add("Audit log", "/admin/audit", Action.VIEW_AUDIT);
    router.get("/admin/users", guard.protect(Action.MANAGE_USERS, this::list));
    router.post("/admin/users", guard.protect(Action.MANAGE_USERS, this::create));
    router.post("/admin/users/{id}/role", guard.protect(Action.MANAGE_USERS, this::role));
    router.post("/admin/users/{id}/disable", guard.protect(Action.MANAGE_USERS, this::disable));
    router.post("/admin/users/{id}/enable", guard.protect(Action.MANAGE_USERS, this::enable));
    router.post("/admin/users/{id}/password-link", guard.protect(Action.MANAGE_USERS, this::link));
    router.get("/admin/audit", guard.protect(Action.VIEW_AUDIT, this::auditLog));
  }

  private Response list(Request request, AdminContext ctx) {
    return listPage(ctx, 200, null, null);
  }

  private Response listPage(AdminContext ctx, int status, String error, String link) {
    List<UserRow> rows =
        accounts.list().stream()
            .map(a ->
                new UserRow(
                    a.id(),
                    a.email(),
                    a.displayName(),
                    a.role().dbValue(),
                    a.disabled(),
                    a.hasTotp(),
                    a.id() == ctx.staff().id()))
            .toList();
    Map<String, Object> params = new HashMap<>();
    params.put("users", rows);
    params.put("roles", List.of(Role.values()).stream().map(Role::dbValue).toList());
    params.put("error", error);
    params.put("link", link);
    return ctx.page(status, "admin/users.jte", "Users", params);
  }

  private Response create(Request request, AdminContext ctx) {
    Role role;
    StaffAccounts.Created created;
    try {
      role = Role.parse(request.form("role").orElse(""));
      created =
          accounts.create(
              ctx.staff(), request.form("email").orElse(""), request.form("name").orElse(""), role);
    } catch (IllegalArgumentException e) {
      ctx.audited();
      return listPage(ctx, 400, capitalized(e.getMessage()), null);
    }
    ctx.audited();
    return listPage(
        ctx, 200, null, StaffAccounts.setPasswordLink(baseUrl, created.token()).toString());
  }

  private Response role(Request request, AdminContext ctx) {
    long id = target(request, ctx);
    Role role;
    try {
      role = Role.parse(request.form("role").orElse(""));
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest("unknown role");
    }
    accounts.changeRole(ctx.staff(), id, role);
    ctx.audited();
    return ctx.redirect("/admin/users");
  }

  private Response disable(Request request, AdminContext ctx) {
    accounts.setDisabled(ctx.staff(), target(request, ctx), true);
    ctx.audited();
    return ctx.redirect("/admin/users");
  }

  private Response enable(Request request, AdminContext ctx) {
    accounts.setDisabled(ctx.staff(), target(request, ctx), false);
    ctx.audited();
    return ctx.redirect("/admin/users");
  }

  private Response link(Request request, AdminContext ctx) {
    long id = existing(request);
    String token = accounts.newPasswordToken(ctx.staff(), id);
    ctx.audited();
    return listPage(ctx, 200, null, StaffAccounts.setPasswordLink(baseUrl, token).toString());
  }

  /** Another account than one's own, which must exist. */
  private long target(Request request, AdminContext ctx) {
    long id = existing(request);
    if (id == ctx.staff().id()) {
      throw HttpError.badRequest("admins cannot change their own role or disable themselves");
    }
    return id;
  }

  private long existing(Request request) {
    long id;
    try {
      id = Long.parseLong(request.param("id"));
    } catch (NumberFormatException e) {
      throw HttpError.notFound("no such account");
    }
    if (accounts.byId(id).isEmpty()) {
      throw HttpError.notFound("no such account");
    }
    return id;
  }

  private Response auditLog(Request request, AdminContext ctx) {
    int page;
    try {
      page = Math.max(1, Integer.parseInt(request.query("page").orElse("1")));
    } catch (NumberFormatException e) {
      page = 1;
    }
    long total = audit.count();
    int pages = (int) Math.max(1, (total + AUDIT_PAGE_SIZE - 1) / AUDIT_PAGE_SIZE);
    page = Math.min(page, pages);
    List<AuditRow> rows =
        audit.page((page - 1) * AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE).stream()
            .map(e ->
                new AuditRow(
                    WHEN.format(Instant.ofEpochMilli(e.at()).atZone(zone)),
                    e.actorEmail() == null ? "—" : e.actorEmail(),
                    e.action(),
                    e.objectType() == null
                        ? ""
                        : e.objectType() + (e.objectId() == null ? "" : " " + e.objectId()),
                    e.detail() == null ? "" : e.detail()))
            .toList();
    Map<String, Object> params = new HashMap<>();
    params.put("rows", rows);
    params.put("page", page);
    params.put("pages", pages);
    params.put("zone", zone.getId());
    return ctx.page("admin/audit.jte", "Audit log", params);
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
  }
}

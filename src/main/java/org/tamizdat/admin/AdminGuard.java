package org.tamizdat.admin;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tamizdat.web.Request;
import org.tamizdat.web.Response;
import org.tamizdat.web.Route;
import org.tamizdat.web.SecretTokens;

/**
 * The one way into an admin route. In order: a live session (else to the login page), a finished
 * login with a second factor where the role needs one, a matching CSRF token on every request that
 * is not a GET, the permission for the route's action (else a 403 page, audited); then the handler,
 * whose state-changing requests are audited. Every answer is marked {@code no-store} and never
 * cacheable, so no admin page can reach the public page cache or a shared proxy.
 */
public final class AdminGuard {
  public static final String LOGIN_PATH = "/admin/login";

  private final Sessions sessions;
  private final Permissions permissions;
  private final AuditLog audit;
  private final AdminTemplates templates;
  private final AdminNav nav;
  private final String cssUrl;
  private final String scriptUrl;

  public AdminGuard(
      Sessions sessions,
      Permissions permissions,
      AuditLog audit,
      AdminTemplates templates,
      AdminNav nav,
      String cssUrl,
      String scriptUrl) {
    this.sessions = sessions;
    this.permissions = permissions;
    this.audit = audit;
    this.templates = templates;
    this.nav = nav;
    this.cssUrl = cssUrl;
    this.scriptUrl = scriptUrl;
  }

  /** Wraps {@code handler} so it runs only for staff allowed to do {@code action}. */
  public Route protect(Action action, AdminHandler handler) {
    return request -> noStore(guarded(action, handler, request));
  }

  private Response guarded(Action action, AdminHandler handler, Request request) throws Exception {
    boolean read = request.method().equals("GET") || request.method().equals("HEAD");
    Optional<Sessions.Live> found = SessionCookie.read(request).flatMap(sessions::resolve);
    if (found.isEmpty()) {
      return read
          ? Response.redirect(303, LOGIN_PATH)
          : message(401, null, null, "Logged out", "Your session has ended. Log in again.");
    }
    Sessions.Live live = found.get();
    Account account = live.account();
    Staff staff = account.staff();
    switch (live.session().stage()) {
      case CODE -> {
        return Response.redirect(303, AdminPages.CODE_PATH);
      }
      case ENROL -> {
        return Response.redirect(303, AdminPages.ENROL_PATH);
      }
      case OK -> {
        // A role that gained the need for a second factor since this session began.
        if (account.role().requiresTotp() && !account.hasTotp()) {
          return Response.redirect(303, AdminPages.ENROL_PATH);
        }
      }
    }
    String csrf = live.session().csrfToken();
    if (!read && !SecretTokens.same(csrf, request.form("csrf").orElse(null))) {
      audit.record(staff, "denied.csrf", "path", request.path(), action.name());
      return message(
          403,
          staff,
          csrf,
          "Form expired",
          "This form was not sent from a current admin page. Go back, reload and try again.");
    }
    if (!permissions.allows(staff, action)) {
      audit.record(staff, "denied", "path", request.path(), action.name());
      return message(
          403,
          staff,
          csrf,
          "Not allowed",
          "Your role does not allow this. Ask an editor or admin.");
    }
    AdminChrome chrome =
        new AdminChrome(
            "", staff, csrf, nav.linksFor(staff, request.path()), cssUrl, scriptUrl, null);
    AdminContext context =
        new AdminContext(staff, csrf, request.path(), permissions, audit, templates, chrome);
    Response response = handler.handle(request, context);
    if (!read && !context.wasAudited()) {
      audit.record(
          staff,
          action.name().toLowerCase(Locale.ROOT),
          "path",
          request.path(),
          request.method() + " -> " + response.status());
    }
    return response;
  }

  /** The layout data for pages outside the guard (login steps): no navigation. */
  AdminChrome bareChrome(String title, Staff staff, String csrf) {
    return new AdminChrome(title, staff, csrf, java.util.List.of(), cssUrl, scriptUrl, null);
  }

  Response message(int status, Staff staff, String csrf, String title, String text) {
    AdminChrome chrome =
        staff == null
            ? bareChrome(title, null, null)
            : new AdminChrome(title, staff, csrf, nav.linksFor(staff, ""), cssUrl, scriptUrl, null);
    return templates.page(
        status, "admin/message.jte", Map.of("chrome", chrome, "title", title, "text", text));
  }

  /** Copies a response that a handler marked cacheable by mistake, and forbids storing it. */
  static Response noStore(Response response) {
    Response out = response;
    if (response.isCacheable()) {
      out = Response.of(response.status(), response.contentType(), response.body());
      response.headers().forEach(out::header);
    }
    return out.header("Cache-Control", "no-store");
  }
}

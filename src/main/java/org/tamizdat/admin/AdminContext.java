package org.tamizdat.admin;

import java.util.HashMap;
import java.util.Map;
import org.tamizdat.web.Response;

/**
 * What an admin handler knows besides the request: who is logged in, the CSRF token its forms must
 * embed (as a hidden field named {@code csrf}), the permission matrix, the layout, and the audit
 * log. Handlers that change something should call {@link #audit} with the object they changed;
 * otherwise the guard records the request itself.
 */
public final class AdminContext {
  private final Staff staff;
  private final String csrf;
  private final String path;
  private final Permissions permissions;
  private final AuditLog audit;
  private final AdminTemplates templates;
  private final AdminChrome chrome;
  private boolean audited;

  AdminContext(
      Staff staff,
      String csrf,
      String path,
      Permissions permissions,
      AuditLog audit,
      AdminTemplates templates,
      AdminChrome chrome) {
    this.staff = staff;
    this.csrf = csrf;
    this.path = path;
    this.permissions = permissions;
    this.audit = audit;
    this.templates = templates;
    this.chrome = chrome;
  }

  public Staff staff() {
    return staff;
  }

  /** The session's CSRF token, for {@code <input type="hidden" name="csrf" value="...">}. */
  public String csrf() {
    return csrf;
  }

  public Permissions permissions() {
    return permissions;
  }

  /** True when the logged-in staff member may do {@code action}. */
  public boolean may(Action action) {
    return permissions.allows(staff, action);
  }

  /** The layout data for a page titled {@code title}. */
  public AdminChrome chrome(String title) {
    return new AdminChrome(
        title, staff, csrf, chrome.nav(), chrome.cssUrl(), chrome.scriptUrl(), null);
  }

  /**
   * Renders an admin template with {@code chrome} (for {@code title}) and the given parameters.
   * Templates call the layout as {@code @template.admin.layout(chrome = chrome, content = @`...`)}.
   */
  public Response page(String template, String title, Map<String, Object> params) {
    return page(200, template, title, params);
  }

  public Response page(int status, String template, String title, Map<String, Object> params) {
    Map<String, Object> all = new HashMap<>(params);
    all.put("chrome", chrome(title));
    return templates.page(status, template, all);
  }

  /** 303 See Other to an admin path: the answer to a successful form. */
  public Response redirect(String location) {
    return Response.redirect(303, location);
  }

  /** Records an action in the audit log (its own transaction). */
  public void audit(String action, String objectType, Object objectId, String detail) {
    audit.record(staff, action, objectType, objectId, detail);
    audited = true;
  }

  /** The audit log, for recording in the transaction of a change (then call {@link #audited}). */
  public AuditLog auditLog() {
    return audit;
  }

  /** Tells the guard the handler wrote its own audit row. */
  public void audited() {
    audited = true;
  }

  boolean wasAudited() {
    return audited;
  }

  String path() {
    return path;
  }
}

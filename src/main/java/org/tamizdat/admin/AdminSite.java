package org.tamizdat.admin;

import java.net.URI;
import java.time.Clock;
import org.tamizdat.db.Database;
import org.tamizdat.web.Router;

/**
 * Everything the admin is made of, built once by {@code App}. Other admin features take {@link
 * #guard()}, {@link #nav()}, {@link #templates()} and {@link #audit()} from here and register their
 * routes (all under {@code /admin/}) on the same router.
 */
public final class AdminSite {
  private final Permissions permissions = new Permissions();
  private final AdminTemplates templates = new AdminTemplates();
  private final AdminNav nav;
  private final AuditLog audit;
  private final Sessions sessions;
  private final StaffAccounts accounts;
  private final AdminGuard guard;
  private final AdminPages pages;

  /**
   * @param cssUrl the hashed URL of {@code admin.css}
   * @param scriptUrl the hashed URL of the admin's script, or null for none
   */
  public AdminSite(
      Database database,
      Clock clock,
      URI baseUrl,
      String siteName,
      String cssUrl,
      String scriptUrl) {
    AccountRepository repository = new AccountRepository();
    this.audit = new AuditLog(database, clock);
    this.sessions = new Sessions(database, repository, clock);
    this.accounts =
        new StaffAccounts(
            database,
            repository,
            sessions,
            audit,
            new LoginThrottle(database, clock),
            new PasswordHasher(),
            new PasswordRules(),
            clock);
    this.nav = new AdminNav(permissions);
    nav.add("Dashboard", "/admin", Action.VIEW_ADMIN);
    nav.add("Password", "/admin/password", Action.CHANGE_OWN_PASSWORD);
    this.guard = new AdminGuard(sessions, permissions, audit, templates, nav, cssUrl, scriptUrl);
    this.pages = new AdminPages(accounts, sessions, guard, templates, baseUrl, siteName);
  }

  /** Registers the login, account and dashboard pages. */
  public void register(Router router) {
    pages.register(router);
  }

  public AdminGuard guard() {
    return guard;
  }

  public AdminNav nav() {
    return nav;
  }

  public AdminTemplates templates() {
    return templates;
  }

  public AuditLog audit() {
    return audit;
  }

  public Permissions permissions() {
    return permissions;
  }

  public StaffAccounts accounts() {
    return accounts;
  }

  public Sessions sessions() {
    return sessions;
  }
}

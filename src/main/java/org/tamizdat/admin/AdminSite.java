package org.tamizdat.admin;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
  private final UserPages users;

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
    this(database, clock, baseUrl, siteName, cssUrl, scriptUrl, ZoneOffset.UTC);
  }

  /** With the newsroom's zone; TOTP secrets sealed under a key that lives only in memory. */
  public AdminSite(
      Database database,
      Clock clock,
      URI baseUrl,
      String siteName,
      String cssUrl,
      String scriptUrl,
      ZoneId zone) {
    this(database, clock, baseUrl, siteName, cssUrl, scriptUrl, zone, SecretBox.ephemeral());
  }

  /**
   * With the newsroom's zone, for times on admin pages, and the box sealing TOTP secrets (see
   * {@link SecretBox#fromFile}).
   */
  public AdminSite(
      Database database,
      Clock clock,
      URI baseUrl,
      String siteName,
      String cssUrl,
      String scriptUrl,
      ZoneId zone,
      SecretBox box) {
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
            box,
            clock);
    this.nav = new AdminNav(permissions);
    nav.add("Dashboard", "/admin", Action.VIEW_ADMIN);
    nav.add("Password", "/admin/password", Action.CHANGE_OWN_PASSWORD);
    this.guard = new AdminGuard(sessions, permissions, audit, templates, nav, cssUrl, scriptUrl);
    this.pages = new AdminPages(accounts, sessions, guard, templates, baseUrl, siteName);
    this.users = new UserPages(accounts, audit, guard, baseUrl, zone);
  }

  /** Registers the login, account and dashboard pages, the users page and the audit log. */
  public void register(Router router) {
    pages.register(router);
    users.register(router, nav);
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

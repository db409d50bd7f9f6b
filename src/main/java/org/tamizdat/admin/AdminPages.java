package org.tamizdat.admin;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tamizdat.web.Request;
import org.tamizdat.web.Response;
import org.tamizdat.web.Router;
import org.tamizdat.web.SameOrigin;
import org.tamizdat.web.SecretTokens;

/**
 * The pages around logging in: the password step, the code step, TOTP enrolment, logout, the
 * set-password link, one's own password, and the dashboard. Only the dashboard and the password
 * page go through {@link AdminGuard}; the others work on half-finished logins and check their own
 * session stage and CSRF token.
 */
public final class AdminPages {
  public static final String CODE_PATH = "/admin/login/code";
  public static final String ENROL_PATH = "/admin/totp/enrol";
  private static final String ISSUER = "Tamizdat";

  private final StaffAccounts accounts;
  private final Sessions sessions;
  private final AdminGuard guard;
  private final AdminTemplates templates;
  private final SameOrigin sameOrigin;
  private final Totp totp = new Totp();
  private final RecoveryCodes recovery = new RecoveryCodes();
  private final String issuer;

  /** The site's icon, also for login pages (else browsers ask for /favicon.ico and get a 404). */
  private final Response icon = loadIcon();

  public AdminPages(
      StaffAccounts accounts,
      Sessions sessions,
      AdminGuard guard,
      AdminTemplates templates,
      URI baseUrl,
      String siteName) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.guard = guard;
    this.templates = templates;
    this.sameOrigin = new SameOrigin(baseUrl);
    this.issuer = siteName == null || siteName.isBlank() ? ISSUER : siteName;
  }

  public void register(Router router) {
    router.get("/admin", guard.protect(Action.VIEW_ADMIN, this::dashboard));
    router.get("/admin/login", this::loginForm);
    router.post("/admin/login", this::login);
    router.get(CODE_PATH, this::codeForm);
    router.post(CODE_PATH, this::code);
    router.get(ENROL_PATH, this::enrolForm);
    router.post(ENROL_PATH, this::enrol);
    router.get("/admin/totp/qr.svg", this::enrolQr);
    router.get("/admin/favicon.svg", request -> icon);
    router.post("/admin/logout", this::logout);
    router.get("/admin/set-password", this::setPasswordForm);
    router.post("/admin/set-password", this::setPassword);
    router.get("/admin/password", guard.protect(Action.CHANGE_OWN_PASSWORD, this::passwordForm));
    router.post("/admin/password", guard.protect(Action.CHANGE_OWN_PASSWORD, this::changePassword));
  }

  private Response dashboard(Request request, AdminContext ctx) {
    return ctx.page("admin/dashboard.jte", "Dashboard", Map.of());
  }

  private Response loginForm(Request request) {
    Optional<Sessions.Live> live = live(request);
    if (live.isPresent() && live.get().session().stage() == StaffSession.Stage.OK) {
      return Response.redirect(303, "/admin");
    }
    String notice =
        request.query("done").filter("password"::equals).isPresent()
            ? "Your password is set. Log in with it."
            : null;
    return loginPage(200, "", notice, null);
  }

  private Response loginPage(int status, String email, String notice, String error) {
    Map<String, Object> params = new HashMap<>();
    params.put("chrome", guard.bareChrome("Log in", null, null).withNotice(notice));
    params.put("email", email);
    params.put("error", error);
    return templates.page(status, "admin/login.jte", params);
  }

  private Response login(Request request) {
    if (sameOrigin.isCrossSite(request)) {
      return guard.message(403, null, null, "Not allowed", "Log in from this site's own page.");
    }
    String email = request.form("email").orElse("");
    StaffAccounts.LoginResult result =
        accounts.login(email, request.form("password").orElse(""), request.clientKey());
    if (result.sessionId().isEmpty() && result.message().equals(StaffAccounts.LOCKED_OUT)) {
      // The same for known and unknown addresses, as the lock itself is.
      return loginPage(429, email, null, result.message())
          .header("Retry-After", String.valueOf(LoginThrottle.LOCK.toSeconds()));
    }
    if (result.sessionId().isEmpty()) {
      return loginPage(200, email, null, result.message());
    }
    // A session from before this login (another account, a half login) ends: one per browser.
    live(request).ifPresent(old -> accounts.logout(old));
    String next =
        switch (result.stage()) {
          case CODE -> CODE_PATH;
          case ENROL -> ENROL_PATH;
          case OK -> "/admin";
        };
    return SessionCookie.set(Response.redirect(303, next), result.sessionId().get());
  }

  private Response codeForm(Request request) {
    Optional<Sessions.Live> live = live(request);
    if (live.isEmpty() || live.get().session().stage() != StaffSession.Stage.CODE) {
      return Response.redirect(303, "/admin/login");
    }
    return codePage(200, live.get(), null);
  }

  private Response codePage(int status, Sessions.Live live, String error) {
    Map<String, Object> params = new HashMap<>();
    params.put("chrome", guard.bareChrome("Code", null, live.session().csrfToken()));
    params.put("error", error);
    return templates.page(status, "admin/code.jte", params);
  }

  private Response code(Request request) {
    Optional<Sessions.Live> live = live(request);
    if (live.isEmpty() || live.get().session().stage() != StaffSession.Stage.CODE) {
      return Response.redirect(303, "/admin/login");
    }
    if (!csrfMatches(request, live.get())) {
      return expired();
    }
    Optional<String> full =
        accounts.completeCode(live.get(), request.form("code").orElse(""), request.clientKey());
    if (full.isEmpty()) {
      return codePage(
          200, live.get(), "The code is wrong, too old or was used already. Try the next one.");
    }
    return SessionCookie.set(Response.redirect(303, "/admin"), full.get());
  }

  private Response enrolForm(Request request) {
    Optional<Sessions.Live> live = live(request);
    if (live.isEmpty()
        || live.get().session().stage() == StaffSession.Stage.CODE
        || live.get().account().hasTotp()) {
      return Response.redirect(303, "/admin/login");
    }
    return enrolPage(200, live.get(), accounts.enrolmentSecret(live.get(), totp), null);
  }

  /** The pending secret as a QR code; only for the session that is enrolling. */
  private Response enrolQr(Request request) {
    Optional<Sessions.Live> live = live(request);
    if (live.isEmpty()
        || live.get().session().stage() == StaffSession.Stage.CODE
        || live.get().account().hasTotp()
        || accounts.pendingSecret(live.get()).isEmpty()) {
      return Response.text(404, "No enrolment in progress").header("Cache-Control", "no-store");
    }
    String uri =
        Totp.uri(
            issuer, live.get().account().email(), accounts.pendingSecret(live.get()).orElseThrow());
    return Response.of(200, "image/svg+xml", TotpQr.svg(uri)).header("Cache-Control", "no-store");
  }

  private Response enrolPage(int status, Sessions.Live live, String secret, String error) {
    Map<String, Object> params = new HashMap<>();
    params.put(
        "chrome", guard.bareChrome("Set up two-step login", null, live.session().csrfToken()));
    params.put("secret", grouped(secret));
    params.put("uri", Totp.uri(issuer, live.account().email(), secret));
    params.put("error", error);
    return templates.page(status, "admin/enrol.jte", params);
  }

  private Response enrol(Request request) {
    Optional<Sessions.Live> live = live(request);
    if (live.isEmpty()
        || live.get().session().stage() == StaffSession.Stage.CODE
        || live.get().account().hasTotp()) {
      return Response.redirect(303, "/admin/login");
    }
    if (!csrfMatches(request, live.get())) {
      return expired();
    }
    Optional<StaffAccounts.Enrolled> enrolled =
        accounts.confirmEnrolment(live.get(), request.form("code").orElse(""), recovery);
    if (enrolled.isEmpty()) {
      String secret = accounts.pendingSecret(live.get()).orElse(null);
      if (secret == null) {
        return Response.redirect(303, ENROL_PATH);
      }
      return enrolPage(200, live.get(), secret, "That code does not match. Type the current one.");
    }
    Map<String, Object> params = new HashMap<>();
    params.put("chrome", guard.bareChrome("Recovery codes", null, null));
    params.put("codes", enrolled.get().recoveryCodes());
    return SessionCookie.set(
        templates.page(200, "admin/recovery-codes.jte", params), enrolled.get().sessionId());
  }

  private Response logout(Request request) {
    Optional<Sessions.Live> live = live(request);
    if (live.isPresent()) {
      if (!csrfMatches(request, live.get())) {
        return expired();
      }
      accounts.logout(live.get());
    }
    return SessionCookie.clear(Response.redirect(303, "/admin/login"));
  }

  private Response setPasswordForm(Request request) {
    String token = request.query("token").orElse("");
    Optional<Account> account = accounts.accountForToken(token);
    if (account.isEmpty()) {
      return guard.message(
          404,
          null,
          null,
          "Link expired",
          "This link has expired or was used already. Ask an admin for a new one.");
    }
    return setPasswordPage(200, token, account.get().email(), null);
  }

  private Response setPasswordPage(int status, String token, String email, String error) {
    Map<String, Object> params = new HashMap<>();
    params.put("chrome", guard.bareChrome("Set your password", null, null));
    params.put("token", token);
    params.put("email", email);
    params.put("error", error);
    params.put("minLength", PasswordRules.MIN_LENGTH);
    return templates.page(status, "admin/set-password.jte", params);
  }

  private Response setPassword(Request request) {
    if (sameOrigin.isCrossSite(request)) {
      return guard.message(403, null, null, "Not allowed", "Use this site's own page.");
    }
    String token = request.form("token").orElse("");
    Optional<Account> account = accounts.accountForToken(token);
    Optional<String> problem =
        accounts.setPasswordWithToken(
            token, request.form("password").orElse(""), request.form("repeat").orElse(""));
    if (problem.isPresent()) {
      if (account.isEmpty()) {
        return guard.message(404, null, null, "Link expired", problem.get());
      }
      return setPasswordPage(200, token, account.get().email(), problem.get());
    }
    return SessionCookie.clear(Response.redirect(303, "/admin/login?done=password"));
  }

  private Response passwordForm(Request request, AdminContext ctx) {
    return passwordPage(ctx, 200, null);
  }

  private Response passwordPage(AdminContext ctx, int status, String error) {
    Map<String, Object> params = new HashMap<>();
    params.put("error", error);
    params.put("minLength", PasswordRules.MIN_LENGTH);
    return ctx.page(status, "admin/password.jte", "Change password", params);
  }

  private Response changePassword(Request request, AdminContext ctx) {
    Optional<String> problem =
        accounts.changePassword(
            ctx.staff(),
            request.form("current").orElse(""),
            request.form("password").orElse(""),
            request.form("repeat").orElse(""));
    ctx.audited();
    if (problem.isPresent()) {
      return passwordPage(ctx, 200, problem.get());
    }
    return SessionCookie.clear(Response.redirect(303, "/admin/login?done=password"));
  }

  private Optional<Sessions.Live> live(Request request) {
    return SessionCookie.read(request).flatMap(sessions::resolve);
  }

  private static boolean csrfMatches(Request request, Sessions.Live live) {
    return SecretTokens.same(live.session().csrfToken(), request.form("csrf").orElse(null));
  }

  private Response expired() {
    return guard.message(
        403,
        null,
        null,
        "Form expired",
        "This form was not sent from a current admin page. Go back, reload and try again.");
  }

  private static Response loadIcon() {
    try (var in = AdminPages.class.getClassLoader().getResourceAsStream("assets/favicon.svg")) {
      if (in == null) {
        throw new IllegalStateException("assets/favicon.svg missing");
      }
      return Response.of(200, "image/svg+xml", in.readAllBytes())
          .header("Cache-Control", "public, max-age=86400");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** ABCD EFGH …: easier to type into an app by hand. */
  static String grouped(String secret) {
    return String.join(" ", List.of(secret.split("(?<=\\G.{4})")));
  }
}

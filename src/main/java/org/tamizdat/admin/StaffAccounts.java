package org.tamizdat.admin;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tamizdat.db.Database;
import org.tamizdat.web.SecretTokens;

/**
 * Staff accounts and logging in: creating accounts with a set-password link, setting and changing
 * passwords, the password step (throttled), the code step and TOTP enrolment. Every change writes
 * its audit row in the same transaction.
 */
public final class StaffAccounts {
  private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);
  public static final Duration PASSWORD_LINK_LIFETIME = Duration.ofHours(48);

  /** The one answer to any failed password step: it must not tell which part was wrong. */
  public static final String LOGIN_REFUSED = "The e-mail address or the password is wrong.";

  /** The one answer while an address or client is locked out, whether or not an account exists. */
  public static final String LOCKED_OUT =
      "Too many failed attempts. Wait 15 minutes, then try again.";

  /** A new account and the raw token of its set-password link. */
  public record Created(long id, String token) {}

  /** The outcome of the password step: a new session, or a message for the login form. */
  public record LoginResult(Optional<String> sessionId, StaffSession.Stage stage, String message) {
    static LoginResult refused(String message) {
      return new LoginResult(Optional.empty(), null, message);
    }
  }

  private final Database database;
  private final AccountRepository accounts;
  private final Sessions sessions;
  private final AuditLog audit;
  private final LoginThrottle throttle;
  private final PasswordHasher hasher;
  private final PasswordRules rules;
  private final Clock clock;
  private volatile String dummyHash;
  private final SecretBox box;

  public StaffAccounts(
      Database database,
      AccountRepository accounts,
      Sessions sessions,
      AuditLog audit,
      LoginThrottle throttle,
      PasswordHasher hasher,
      PasswordRules rules,
      Clock clock) {
    this(
        database, accounts, sessions, audit, throttle, hasher, rules, SecretBox.ephemeral(), clock);
  }

  /** With the box that seals TOTP secrets at rest (a key file shared by every node). */
  public StaffAccounts(
      Database database,
      AccountRepository accounts,
      Sessions sessions,
      AuditLog audit,
      LoginThrottle throttle,
      PasswordHasher hasher,
      PasswordRules rules,
      SecretBox box,
      Clock clock) {
    this.database = database;
    this.accounts = accounts;
    this.sessions = sessions;
    this.audit = audit;
    this.throttle = throttle;
    this.hasher = hasher;
    this.rules = rules;
    this.box = box;
    this.clock = clock;
  }

  /**
   * Unknown addresses are checked against this, so they take as long as known ones. Made on the
   * first login of any kind (known or not, so that one is not told apart by its time), not at
   * start: the command-line tools build the admin too and never log anyone in.
   */
  private String dummyHash() {
    String dummy = dummyHash;
    if (dummy == null) {
      synchronized (this) {
        if (dummyHash == null) {
          dummyHash = hasher.hash(SecretTokens.random());
        }
        dummy = dummyHash;
      }
    }
    return dummy;
  }

  public static URI setPasswordLink(URI baseUrl, String token) {
    String base = baseUrl.toString().replaceAll("/+$", "");
    return URI.create(base + "/admin/set-password?token=" + token);
  }

  /** Creates an account without a password; {@code by} is null when made from the command line. */
  public Created create(Staff by, String email, String displayName, Role role) {
    String address = email == null ? "" : email.strip();
    if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || address.length() > 254) {
      throw new IllegalArgumentException("not an e-mail address: " + email);
    }
    String name =
        displayName == null || displayName.isBlank()
            ? address.substring(0, address.indexOf('@'))
            : displayName.strip();
    if (name.length() > 200) {
      throw new IllegalArgumentException("the name is longer than 200 characters");
    }
    long now = clock.millis();
    return database.write(h -> {
      if (accounts.byEmail(h, address).isPresent()) {
        throw new IllegalArgumentException("an account for " + address + " exists already");
      }
      long id = accounts.insert(h, address, name, role, now);
      String token =
          accounts.createPasswordToken(h, id, now, now + PASSWORD_LINK_LIFETIME.toMillis());
      audit.record(h, by, "user.create", "account", id, address + " as " + role.dbValue());
      return new Created(id, token);
    });
  }

  /** A fresh set-password link for an existing account (a reset by an admin). */
  public String newPasswordToken(Staff by, long accountId) {
    long now = clock.millis();
    return database.write(h -> {
      accounts.byId(h, accountId).orElseThrow(() -> new IllegalArgumentException("no account"));
      String token =
          accounts.createPasswordToken(h, accountId, now, now + PASSWORD_LINK_LIFETIME.toMillis());
      audit.record(h, by, "user.password-link", "account", accountId, null);
      return token;
    });
  }

  /** The account a set-password token is for, while the token is valid. */
  public Optional<Account> accountForToken(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    long now = clock.millis();
    return database.read(
        h -> accounts.passwordTokenAccount(h, token, now).flatMap(id -> accounts.byId(h, id)));
  }

  /**
   * Sets the password of the token's account and ends its sessions. Returns the problem to show, or
   * empty on success.
   */
  public Optional<String> setPasswordWithToken(String token, String password, String repeated) {
    Optional<String> problem = check(password, repeated);
    if (problem.isPresent()) {
      return problem;
    }
    Optional<Account> account = accountForToken(token);
    if (account.isEmpty()) {
      return Optional.of("This link has expired or was used already. Ask an admin for a new one.");
    }
    String hash = hasher.hash(password);
    long now = clock.millis();
    return database.write(h -> {
      if (!accounts.usePasswordToken(h, token, now)) {
        return Optional.of(
            "This link has expired or was used already. Ask an admin for a new one.");
      }
      long id = account.get().id();
      accounts.setPassword(h, id, hash, now);
      sessions.endAll(h, id);
      audit.record(h, account.get().staff(), "password.set", "account", id, "by link");
      return Optional.<String>empty();
    });
  }

  /** Changes one's own password after checking the current one; ends every session. */
  public Optional<String> changePassword(
      Staff staff, String current, String password, String repeated) {
    Account account =
        database.read(h -> accounts.byId(h, staff.id())).orElseThrow(IllegalStateException::new);
    if (!hasher.verify(current == null ? "" : current, account.passwordHash())) {
      return Optional.of("The current password is wrong.");
    }
    Optional<String> problem = check(password, repeated);
    if (problem.isPresent()) {
      return problem;
    }
    String hash = hasher.hash(password);
    long now = clock.millis();
    database.write(h -> {
      accounts.setPassword(h, staff.id(), hash, now);
      int ended = sessions.endAll(h, staff.id());
      audit.record(h, staff, "password.change", "account", staff.id(), ended + " sessions ended");
      return null;
    });
    return Optional.empty();
  }

  private Optional<String> check(String password, String repeated) {
    if (password == null || password.isEmpty()) {
      return Optional.of("Type a password.");
    }
    if (!password.equals(repeated)) {
      return Optional.of("The two passwords differ.");
    }
    return rules.problem(password);
  }

  /**
   * The password step. Unknown addresses, disabled accounts, accounts without a password and wrong
   * passwords all get {@link #LOGIN_REFUSED} after the same Argon2 work.
   */
  public LoginResult login(String email, String password, String clientKey) {
    String address = email == null ? "" : email.strip();
    String typed = password == null ? "" : password;
    if (address.isEmpty() || address.length() > 254 || typed.length() > PasswordRules.MAX_LENGTH) {
      return LoginResult.refused(LOGIN_REFUSED);
    }
    String dummy = dummyHash();
    if (throttle.locked(address, clientKey)) {
      hasher.verify(typed, dummy);
      return LoginResult.refused(LOCKED_OUT);
    }
    Optional<Account> found = database.read(h -> accounts.byEmail(h, address));
    boolean ok =
        hasher.verify(
            typed, found.filter(Account::hasPassword).map(Account::passwordHash).orElse(dummy));
    if (!ok || found.isEmpty() || !found.get().hasPassword() || found.get().disabled()) {
      throttle.failed(address, clientKey);
      audit.record(
          found.map(Account::staff).orElse(null),
          "login.failed",
          "account",
          found.map(Account::id).orElse(null),
          null);
      return LoginResult.refused(throttle.locked(address, clientKey) ? LOCKED_OUT : LOGIN_REFUSED);
    }
    throttle.succeeded(address);
    Account account = found.get();
    StaffSession.Stage stage =
        account.hasTotp()
            ? StaffSession.Stage.CODE
            : account.role().requiresTotp() ? StaffSession.Stage.ENROL : StaffSession.Stage.OK;
    String id =
        database.write(h -> {
          audit.record(h, account.staff(), "login.password", "account", account.id(), null);
          return sessions.create(h, account.id(), stage);
        });
    return new LoginResult(Optional.of(id), stage, "");
  }

  /**
   * The code step: a TOTP code (not replayed) or an unused recovery code. On success the half-login
   * is replaced by a new, full session whose raw id is returned.
   */
  public Optional<String> completeCode(Sessions.Live live, String code, String clientKey) {
    Account account = live.account();
    String typed = code == null ? "" : code.strip();
    if (throttle.locked(account.email(), clientKey)) {
      return Optional.empty();
    }
    long now = clock.millis();
    boolean accepted;
    String how;
    if (RecoveryCodes.looksLikeRecoveryCode(typed)) {
      accepted = database.write(h -> accounts.useRecoveryCode(h, account.id(), typed, now));
      how = "recovery code";
    } else {
      Optional<String> secret = box.open(account.totpSecret());
      if (secret.isEmpty()) {
        log.warn(
            "the TOTP secret of account {} cannot be opened with the admin key file;"
                + " only its recovery codes work until it enrols again",
            account.id());
      }
      OptionalLong step =
          secret.isEmpty()
              ? OptionalLong.empty()
              : Totp.verify(secret.get(), typed, now, account.totpLastStep());
      accepted =
          step.isPresent()
              && database.write(h -> accounts.useTotpStep(h, account.id(), step.getAsLong()));
      how = "totp";
    }
    if (!accepted) {
      throttle.failed(account.email(), clientKey);
      audit.record(account.staff(), "login.code-failed", "account", account.id(), null);
      return Optional.empty();
    }
    return Optional.of(
        database.write(h -> {
          sessions.end(h, live.rawId());
          audit.record(h, account.staff(), "login", "account", account.id(), how);
          return sessions.create(h, account.id(), StaffSession.Stage.OK);
        }));
  }

  /** The secret offered for enrolment in this session (made once, kept until confirmed). */
  public String enrolmentSecret(Sessions.Live live, Totp totp) {
    Optional<String> pending = pendingSecret(live);
    if (pending.isPresent()) {
      return pending.get();
    }
    String secret = totp.newSecret();
    sessions.setPendingSecret(live.rawId(), box.seal(secret));
    return secret;
  }

  /** The secret this session is enrolling, if any. */
  public Optional<String> pendingSecret(Sessions.Live live) {
    return box.open(live.session().pendingTotpSecret());
  }

  /** A confirmed enrolment: the recovery codes to show once, and the new full session's id. */
  public record Enrolled(List<String> recoveryCodes, String sessionId) {}

  /** Confirms the pending secret with a code from it; stores it and makes recovery codes. */
  public Optional<Enrolled> confirmEnrolment(
      Sessions.Live live, String code, RecoveryCodes recovery) {
    String secret = pendingSecret(live).orElse(null);
    if (secret == null) {
      return Optional.empty();
    }
    long now = clock.millis();
    OptionalLong step = Totp.verify(secret, code, now, 0);
    if (step.isEmpty()) {
      return Optional.empty();
    }
    List<String> codes = recovery.generate();
    Account account = live.account();
    String id =
        database.write(h -> {
          accounts.setTotp(h, account.id(), box.seal(secret), step.getAsLong(), now);
          accounts.replaceRecoveryCodes(h, account.id(), codes, now);
          // Any other session was opened without this factor.
          sessions.endAll(h, account.id());
          audit.record(h, account.staff(), "totp.enrol", "account", account.id(), null);
          return sessions.create(h, account.id(), StaffSession.Stage.OK);
        });
    return Optional.of(new Enrolled(codes, id));
  }

  public List<Account> list() {
    return database.read(accounts::all);
  }

  public Optional<Account> byId(long id) {
    return database.read(h -> accounts.byId(h, id));
  }

  /** Changes a role; the account's sessions end, so the new rights apply from a fresh login. */
  public void changeRole(Staff by, long accountId, Role role) {
    long now = clock.millis();
    database.write(h -> {
      Account account =
          accounts.byId(h, accountId).orElseThrow(() -> new IllegalArgumentException("no account"));
      accounts.setRole(h, accountId, role, now);
      sessions.endAll(h, accountId);
      audit.record(
          h,
          by,
          "user.role",
          "account",
          accountId,
          account.role().dbValue() + " -> " + role.dbValue());
      return null;
    });
  }

  public void setDisabled(Staff by, long accountId, boolean disabled) {
    long now = clock.millis();
    database.write(h -> {
      accounts.byId(h, accountId).orElseThrow(() -> new IllegalArgumentException("no account"));
      accounts.setDisabled(h, accountId, disabled, now);
      sessions.endAll(h, accountId);
      audit.record(h, by, disabled ? "user.disable" : "user.enable", "account", accountId, null);
      return null;
    });
  }

  /** Ends the session (logout). */
  public void logout(Sessions.Live live) {
    database.write(h -> {
      sessions.end(h, live.rawId());
      audit.record(h, live.account().staff(), "logout", "account", live.account().id(), null);
      return null;
    });
  }
}

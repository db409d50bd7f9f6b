package org.tamizdat.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tamizdat.web.SecretTokens;

/** SQL for staff accounts, their recovery codes and set-password tokens. */
public final class AccountRepository {
  private static final String COLUMNS =
      "id, email, display_name, role, password_hash, totp_secret, totp_last_step, disabled_at,"
          + " created_at";

  public static String key(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  public long insert(Handle h, String email, String displayName, Role role, long now) {
    return h.createUpdate(
            """
            INSERT INTO staff_account (email, email_key, display_name, role, created_at, updated_at)
            VALUES (:email, :key, :name, :role, :now, :now)
            """)
        .bind("email", email.strip())
        .bind("key", key(email))
        .bind("name", displayName)
        .bind("role", role.dbValue())
        .bind("now", now)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  public Optional<Account> byEmail(Handle h, String email) {
    return h.createQuery("SELECT " + COLUMNS + " FROM staff_account WHERE email_key = :key")
        .bind("key", key(email))
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public Optional<Account> byId(Handle h, long id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM staff_account WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public List<Account> all(Handle h) {
    return h.createQuery("SELECT " + COLUMNS + " FROM staff_account ORDER BY email_key")
        .map((rs, ctx) -> map(rs))
        .list();
  }

  public void setPassword(Handle h, long id, String hash, long now) {
    h.createUpdate(
            """
            UPDATE staff_account SET password_hash = :hash, password_changed_at = :now,
              updated_at = :now WHERE id = :id
            """)
        .bind("hash", hash)
        .bind("now", now)
        .bind("id", id)
        .execute();
  }

  public void setRole(Handle h, long id, Role role, long now) {
    h.createUpdate("UPDATE staff_account SET role = :role, updated_at = :now WHERE id = :id")
        .bind("role", role.dbValue())
        .bind("now", now)
        .bind("id", id)
        .execute();
  }

  public void setDisabled(Handle h, long id, boolean disabled, long now) {
    h.createUpdate("UPDATE staff_account SET disabled_at = :at, updated_at = :now WHERE id = :id")
        .bind("at", disabled ? (Long) now : null)
        .bind("now", now)
        .bind("id", id)
        .execute();
  }

  /** Stores an enrolled secret; {@code step} (the confirming code's) counts as used. */
  public void setTotp(Handle h, long id, String secret, long step, long now) {
    h.createUpdate(
            """
            UPDATE staff_account SET totp_secret = :secret, totp_last_step = :step,
              updated_at = :now WHERE id = :id
            """)
        .bind("secret", secret)
        .bind("step", step)
        .bind("now", now)
        .bind("id", id)
        .execute();
  }

  /**
   * Records a TOTP step as used, only if it is later than the last used one; false when another
   * request used this step (or a later one) first, which makes the code a replay.
   */
  public boolean useTotpStep(Handle h, long id, long step) {
    return h.createUpdate(
                "UPDATE staff_account SET totp_last_step = :step"
                    + " WHERE id = :id AND totp_last_step < :step")
            .bind("step", step)
            .bind("id", id)
            .execute()
        == 1;
  }

  public void replaceRecoveryCodes(Handle h, long id, List<String> codes, long now) {
    h.createUpdate("DELETE FROM staff_recovery_code WHERE account_id = :id")
        .bind("id", id)
        .execute();
    for (String code : codes) {
      h.createUpdate(
              """
              INSERT INTO staff_recovery_code (account_id, code_hash, created_at)
              VALUES (:id, :hash, :now)
              """)
          .bind("id", id)
          .bind("hash", SecretTokens.hash(RecoveryCodes.normalize(code)))
          .bind("now", now)
          .execute();
    }
  }

  /** Uses a recovery code; true once per code. */
  public boolean useRecoveryCode(Handle h, long id, String code, long now) {
    return h.createUpdate(
                """
                UPDATE staff_recovery_code SET used_at = :now
                WHERE account_id = :id AND code_hash = :hash AND used_at IS NULL
                """)
            .bind("now", now)
            .bind("id", id)
            .bind("hash", SecretTokens.hash(RecoveryCodes.normalize(code)))
            .execute()
        == 1;
  }

  public int unusedRecoveryCodes(Handle h, long id) {
    return h.createQuery(
            "SELECT COUNT(*) FROM staff_recovery_code WHERE account_id = :id AND used_at IS NULL")
        .bind("id", id)
        .mapTo(Integer.class)
        .one();
  }

  /** A one-time set-password token; returns the raw token for the link. */
  public String createPasswordToken(Handle h, long id, long now, long expiresAt) {
    String token = SecretTokens.random();
    h.createUpdate(
            """
            INSERT INTO staff_password_token (token_hash, account_id, created_at, expires_at)
            VALUES (:hash, :id, :now, :expires)
            """)
        .bind("hash", SecretTokens.hash(token))
        .bind("id", id)
        .bind("now", now)
        .bind("expires", expiresAt)
        .execute();
    return token;
  }

  /** The account of a valid (unused, unexpired) token, without using it. */
  public Optional<Long> passwordTokenAccount(Handle h, String token, long now) {
    return h.createQuery(
            """
            SELECT account_id FROM staff_password_token
            WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
            """)
        .bind("hash", SecretTokens.hash(token))
        .bind("now", now)
        .mapTo(Long.class)
        .findOne();
  }

  /** Uses the token; true once, and only while it is valid. */
  public boolean usePasswordToken(Handle h, String token, long now) {
    return h.createUpdate(
                """
                UPDATE staff_password_token SET used_at = :now
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                """)
            .bind("hash", SecretTokens.hash(token))
            .bind("now", now)
            .execute()
        == 1;
  }

  private static Account map(ResultSet rs) throws SQLException {
    long disabled = rs.getLong("disabled_at");
    Long disabledAt = rs.wasNull() ? null : disabled;
    return new Account(
        rs.getLong("id"),
        rs.getString("email"),
        rs.getString("display_name"),
        Role.fromDb(rs.getString("role")),
        rs.getString("password_hash"),
        rs.getString("totp_secret"),
        rs.getLong("totp_last_step"),
        disabledAt,
        rs.getLong("created_at"));
  }
}

package org.tamizdat.admin;

import java.util.Locale;

/** A stored session (never its raw id, which only the cookie holds). */
public record StaffSession(
    String idHash,
    long accountId,
    Stage stage,
    String csrfToken,
    String pendingTotpSecret,
    long createdAt,
    long lastSeenAt) {

  /** How far the login has got. */
  public enum Stage {
    /** Password accepted; a TOTP or recovery code is due. */
    CODE,
    /** Password accepted; the account must enrol a second factor first. */
    ENROL,
    /** Fully logged in. */
    OK;

    public String dbValue() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Stage fromDb(String value) {
      return valueOf(value.toUpperCase(Locale.ROOT));
    }
  }

  @Override
  public String toString() {
    return "StaffSession[account=" + accountId + ", stage=" + stage + "]";
  }
}

package org.tamizdat.admin;

/** A stored staff account. Holds secrets: never log it or render it whole. */
public record Account(
    long id,
    String email,
    String displayName,
    Role role,
    String passwordHash,
    String totpSecret,
    long totpLastStep,
    Long disabledAt,
    long createdAt) {

  public Staff staff() {
    return new Staff(id, email, displayName, role);
  }

  public boolean disabled() {
    return disabledAt != null;
  }

  public boolean hasTotp() {
    return totpSecret != null;
  }

  public boolean hasPassword() {
    return passwordHash != null;
  }

  @Override
  public String toString() {
    return "Account[id=" + id + ", role=" + role + "]";
  }
}

package org.tamizdat.admin;

/** The logged-in staff member, as every admin handler sees them. */
public record Staff(long id, String email, String displayName, Role role) {}

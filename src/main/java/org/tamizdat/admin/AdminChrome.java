package org.tamizdat.admin;

import java.util.List;

/**
 * What the admin layout ({@code admin/layout.jte}) shows around a page: title, the logged-in staff
 * member (null on the login pages), the CSRF token its forms embed, the navigation they may use and
 * a notice line.
 */
public record AdminChrome(
    String title,
    Staff staff,
    String csrf,
    List<NavLink> nav,
    String cssUrl,
    String scriptUrl,
    String notice) {

  public record NavLink(String label, String path, boolean current) {}

  public AdminChrome withNotice(String text) {
    return new AdminChrome(title, staff, csrf, nav, cssUrl, scriptUrl, text);
  }
}

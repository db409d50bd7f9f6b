package org.tamizdat.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The admin's navigation. Features add their screens with the action a staff member needs to see
 * them; each page shows only the links its viewer may follow.
 */
public final class AdminNav {
  private record Item(String label, String path, Action needs) {}

  private final List<Item> items = new CopyOnWriteArrayList<>();
  private final Permissions permissions;

  public AdminNav(Permissions permissions) {
    this.permissions = permissions;
  }

  public AdminNav add(String label, String path, Action needs) {
    items.add(new Item(label, path, needs));
    return this;
  }

  List<AdminChrome.NavLink> linksFor(Staff staff, String currentPath) {
    List<AdminChrome.NavLink> links = new ArrayList<>();
    for (Item item : items) {
      if (permissions.allows(staff, item.needs)) {
        boolean current =
            item.path.equals(currentPath)
                || (!item.path.equals("/admin") && currentPath.startsWith(item.path + "/"));
        links.add(new AdminChrome.NavLink(item.label, item.path, current));
      }
    }
    return links;
  }
}

package org.tamizdat.admin.editorial;

import java.util.Objects;

/**
 * Who did something: a staff member's id and the name revisions show. The id is null for the
 * command line and the demo loader.
 */
public record Actor(Long id, String name) {
  public Actor {
    Objects.requireNonNull(name, "name");
  }
}

package org.tamizdat.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole matrix, written out by hand: A = admin, E = editor, U = author, T = translator. A new
 * action fails this test until someone decides who may do it.
 */
class PermissionsTest {
  private static final String MATRIX =
      """
      VIEW_ADMIN                   A E U T
      CHANGE_OWN_PASSWORD          A E U T
      MANAGE_USERS                 A
      VIEW_AUDIT                   A
      EDIT_SETTINGS                A
      VIEW_ARTICLES                A E U T
      CREATE_ARTICLE               A E U
      EDIT_OWN_DRAFT               A E U
      EDIT_ANY_ARTICLE             A E
      SUBMIT_FOR_REVIEW            A E U T
      PUBLISH                      A E
      SCHEDULE                     A E
      UNPUBLISH                    A E
      VIEW_REVISIONS               A E U T
      RESTORE_REVISION             A E
      CREATE_TRANSLATION           A E T
      EDIT_TRANSLATION             A E T
      MANAGE_SECTIONS_AUTHORS_TAGS A E
      VIEW_TICKER_STATUS           A E
      CREATE_SOURCE                A E U
      MANAGE_SOURCES               A E
      REVEAL_SOURCE                A E
      UPLOAD_MEDIA                 A E U T
      """;

  private static final Map<Role, String> LETTER =
      new EnumMap<>(
          Map.of(Role.ADMIN, "A", Role.EDITOR, "E", Role.AUTHOR, "U", Role.TRANSLATOR, "T"));

  private final Permissions permissions = new Permissions();

  @Test
  void everyRoleAndActionIsAsWrittenDown() {
    Map<Action, String> rows = new EnumMap<>(Action.class);
    MATRIX
        .lines()
        .forEach(line -> {
          String[] parts = line.strip().split("\\s+", 2);
          rows.put(Action.valueOf(parts[0]), " " + (parts.length > 1 ? parts[1] : "") + " ");
        });
    assertEquals(Action.values().length, rows.size(), "every action has a row");
    int checked = 0;
    for (Action action : Action.values()) {
      for (Role role : Role.values()) {
        boolean expected = rows.get(action).contains(" " + LETTER.get(role) + " ");
        assertEquals(expected, permissions.allows(role, action), role + " " + action);
        checked++;
      }
    }
    assertEquals(Action.values().length * Role.values().length, checked);
  }

  @Test
  void authorsEditOnlyTheirOwnDrafts() {
    Staff author = new Staff(7, "a@x.org", "A", Role.AUTHOR);
    assertTrue(permissions.mayEditArticle(author, 7, true, false, false));
    assertFalse(permissions.mayEditArticle(author, 8, true, false, false), "someone else's");
    assertFalse(permissions.mayEditArticle(author, 7, false, false, false), "submitted");
    assertFalse(permissions.mayEditArticle(author, 7, false, false, true), "published");
    assertFalse(permissions.mayEditArticle(author, 0, true, false, false), "unowned");
  }

  @Test
  void translatorsEditOnlyTranslationsNotYetPublic() {
    Staff translator = new Staff(9, "t@x.org", "T", Role.TRANSLATOR);
    assertTrue(permissions.mayEditArticle(translator, 1, true, true, false));
    assertTrue(permissions.mayEditArticle(translator, 9, false, true, false), "in review");
    assertFalse(permissions.mayEditArticle(translator, 9, true, false, false), "an original");
    assertFalse(permissions.mayEditArticle(translator, 9, false, true, true), "published");
  }

  @Test
  void editorsAndAdminsEditAnything() {
    for (Role role : new Role[] {Role.EDITOR, Role.ADMIN}) {
      Staff staff = new Staff(1, "e@x.org", "E", role);
      assertTrue(permissions.mayEditArticle(staff, 2, false, false, true), role.name());
    }
  }

  @Test
  void sourcesAreSeenByTheirOwnerOrBySourceManagers() {
    Staff author = new Staff(7, "a@x.org", "A", Role.AUTHOR);
    assertTrue(permissions.mayViewSource(author, 7));
    assertFalse(permissions.mayViewSource(author, 8));
    assertFalse(permissions.mayViewSource(new Staff(9, "t@x.org", "T", Role.TRANSLATOR), 9));
    assertTrue(permissions.mayViewSource(new Staff(1, "e@x.org", "E", Role.EDITOR), 8));
  }

  @Test
  void onlyEditorsAndAdminsNeedASecondFactor() {
    assertTrue(Role.ADMIN.requiresTotp());
    assertTrue(Role.EDITOR.requiresTotp());
    assertFalse(Role.AUTHOR.requiresTotp());
    assertFalse(Role.TRANSLATOR.requiresTotp());
  }
}

package org.tamizdat.admin;

import static org.tamizdat.admin.Action.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one permission matrix: which role may do which {@link Action}, and the ownership rules that
 * narrow some actions to one's own work. Every admin route asks here (through {@link AdminGuard}),
 * so a direct request that bypasses the UI meets the same answer as a click.
 */
public final class Permissions {
  private static final Set<Action> EVERY_STAFF = EnumSet.of(VIEW_ADMIN, CHANGE_OWN_PASSWORD);

  private static final Map<Role, Set<Action>> MATRIX = new EnumMap<>(Role.class);

  static {
    MATRIX.put(Role.ADMIN, EnumSet.allOf(Action.class));
    Set<Action> editor = EnumSet.allOf(Action.class);
    editor.removeAll(EnumSet.of(MANAGE_USERS, VIEW_AUDIT, EDIT_SETTINGS));
    MATRIX.put(Role.EDITOR, editor);
    Set<Action> author = EnumSet.copyOf(EVERY_STAFF);
    author.addAll(
        EnumSet.of(
            VIEW_ARTICLES,
            CREATE_ARTICLE,
            EDIT_OWN_DRAFT,
            SUBMIT_FOR_REVIEW,
            VIEW_REVISIONS,
            CREATE_SOURCE,
            UPLOAD_MEDIA));
    MATRIX.put(Role.AUTHOR, author);
    Set<Action> translator = EnumSet.copyOf(EVERY_STAFF);
    translator.addAll(
        EnumSet.of(
            VIEW_ARTICLES,
            CREATE_TRANSLATION,
            EDIT_TRANSLATION,
            SUBMIT_FOR_REVIEW,
            VIEW_REVISIONS,
            UPLOAD_MEDIA));
    MATRIX.put(Role.TRANSLATOR, translator);
  }

  public boolean allows(Role role, Action action) {
    return MATRIX.get(role).contains(action);
  }

  public boolean allows(Staff staff, Action action) {
    return allows(staff.role(), action);
  }

  /**
   * Whether {@code staff} may change this article's content. Editors and admins edit anything;
   * authors only their own articles while they are drafts (not once submitted, scheduled or
   * published); translators only translations that are not yet public.
   *
   * @param ownerId the account that created the article, or 0 when unknown (imported, demo)
   * @param draft true while the article is an unsubmitted draft
   * @param translation true when the article was created as a translation of another
   * @param isPublic true when published or scheduled
   */
  public boolean mayEditArticle(
      Staff staff, long ownerId, boolean draft, boolean translation, boolean isPublic) {
    if (allows(staff, EDIT_ANY_ARTICLE)) {
      return true;
    }
    if (allows(staff, EDIT_OWN_DRAFT) && ownerId == staff.id() && draft) {
      return true;
    }
    return allows(staff, EDIT_TRANSLATION) && translation && !isPublic;
  }

  /** Whether {@code staff} may see a source's record; revealing its secrets needs REVEAL_SOURCE. */
  public boolean mayViewSource(Staff staff, long sourceOwnerId) {
    return allows(staff, MANAGE_SOURCES)
        || (allows(staff, CREATE_SOURCE) && sourceOwnerId == staff.id());
  }
}

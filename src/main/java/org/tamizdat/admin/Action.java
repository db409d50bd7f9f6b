package org.tamizdat.admin;

/**
 * Everything a staff member can do in the admin. Every admin route names one of these; {@link
 * Permissions} says which roles may do it.
 */
public enum Action {
  /** See the admin at all: the dashboard, one's own account. */
  VIEW_ADMIN,
  CHANGE_OWN_PASSWORD,
  MANAGE_USERS,
  VIEW_AUDIT,
  EDIT_SETTINGS,
  /** List and open articles (drafts included) in the admin. */
  VIEW_ARTICLES,
  CREATE_ARTICLE,
  /** Edit an article one owns while it is a draft; see {@link Permissions#mayEditArticle}. */
  EDIT_OWN_DRAFT,
  EDIT_ANY_ARTICLE,
  SUBMIT_FOR_REVIEW,
  PUBLISH,
  SCHEDULE,
  UNPUBLISH,
  VIEW_REVISIONS,
  RESTORE_REVISION,
  CREATE_TRANSLATION,
  EDIT_TRANSLATION,
  MANAGE_SECTIONS_AUTHORS_TAGS,
  VIEW_TICKER_STATUS,
  /** Record a protected source for one's own story (the real name goes in, it never comes out). */
  CREATE_SOURCE,
  /** List, edit and link every protected source (pseudonyms only). */
  MANAGE_SOURCES,
  /** Show a source's real name and contacts; always audited. */
  REVEAL_SOURCE,
  UPLOAD_MEDIA
}

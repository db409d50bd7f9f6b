package org.tamizdat.newsletter;

import org.tamizdat.article.Language;

/** Interface strings per edition (the site's message bundles), for e-mails. */
@FunctionalInterface
public interface Texts {
  String format(Language lang, String key, Object... args);
}

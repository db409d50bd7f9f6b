package org.tamizdat.newsletter;

import org.tamizdat.article.Language;

/**
 * What the newsletter needs from the site: its pages drawn inside the site's layout (header,
 * navigation, footer). {@code App} passes the site's implementation.
 */
@FunctionalInterface
public interface PageFrame {
  /**
   * @param path the page's own path (canonical link; never with a token)
   * @param otherEditionPath where the language switch leads
   * @param view the template's {@code page} parameter
   */
  byte[] render(
      Language lang,
      String title,
      String path,
      String otherEditionPath,
      String template,
      Object view);
}

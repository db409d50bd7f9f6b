package org.tamizdat.site;

import java.util.List;
import java.util.Map;
import org.tamizdat.article.Language;

/** Renders other features' pages inside the site layout, so every page has the same chrome. */
public final class FramedPages {
  private final ChromeBuilder chrome;
  private final Templates templates;

  public FramedPages(ChromeBuilder chrome, Templates templates) {
    this.chrome = chrome;
    this.templates = templates;
  }

  /** Renders {@code template} with parameters {@code chrome} and {@code page}. */
  public byte[] render(
      Language lang,
      String title,
      String path,
      String otherEditionPath,
      String template,
      Object view) {
    Chrome layout =
        chrome.build(
            lang,
            title + " — " + chrome.siteName(lang),
            null,
            path,
            List.of(),
            otherEditionPath,
            null);
    return templates.render(template, Map.of("chrome", layout, "page", view));
  }
}

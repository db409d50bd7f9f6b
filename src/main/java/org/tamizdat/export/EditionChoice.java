package org.tamizdat.export;

import java.util.List;
import java.util.Map;
import org.tamizdat.article.Language;
import org.tamizdat.site.Link;
import org.tamizdat.site.Messages;
import org.tamizdat.site.Templates;
import org.tamizdat.site.Urls;
import org.tamizdat.web.Assets;

/** Renders the root page of an export: the outlet's names and a link to each edition. */
final class EditionChoice {
  private final Templates templates;
  private final Messages messages;
  private final Urls urls;
  private final Assets assets;
  private final Map<Language, String> siteNames;

  EditionChoice(
      Templates templates,
      Messages messages,
      Urls urls,
      Assets assets,
      Map<Language, String> siteNames) {
    this.templates = templates;
    this.messages = messages;
    this.urls = urls;
    this.assets = assets;
    this.siteNames = Map.copyOf(siteNames);
  }

  byte[] render() {
    List<Language> langs = List.of(Language.values());
    EditionChoiceView view =
        new EditionChoiceView(
            String.join(" · ", langs.stream().map(siteNames::get).toList()),
            langs.stream()
                .map(l -> new Link(urls.home(l), messages.get(l, "footer.edition")))
                .toList(),
            langs.stream().map(Language::code).toList(),
            assets.url("site.css"),
            assets.url("favicon.svg"));
    return templates.render("edition-choice.jte", view);
  }
}

package org.tamizdat.testing;

import java.time.Instant;
import java.util.List;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.Language;
import org.tamizdat.article.Status;

/** Articles tests add to the demo newsroom: English, in Culture, by Gleb Sarmatov. */
public final class Probes {
  private Probes() {}

  public static ArticleInput article(
      String slug, String title, String dek, Status status, Instant published, List<String> tags) {
    return new ArticleInput(
        Language.EN,
        slug,
        null,
        "Probe",
        title,
        dek,
        "Body of " + title + ".",
        "culture",
        List.of("gleb-sarmatov"),
        tags,
        status,
        published,
        null,
        null,
        null);
  }

  /** Saves the article and lets the app notice at once. */
  public static void save(TestApp site, ArticleInput article) {
    site.app().articleWriter().save(article);
    site.app().changed();
  }
}

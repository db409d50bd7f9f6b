package org.tamizdat.media;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.tamizdat.article.Article;
import org.tamizdat.article.ArticleInput;
import org.tamizdat.article.BodyRenderer;

/**
 * Alt text is required before an article goes public. The publish path asks {@link #missingAltText}
 * and refuses while the list is not empty. Body images carry their alt text in the article itself
 * ({@code ![what it shows](/media/…)}), in the article's language; the lead image's comes from the
 * media library, so a lead image outside the library counts as missing.
 */
public final class MediaChecks {
  private final MediaRepository repository;

  public MediaChecks(MediaRepository repository) {
    this.repository = repository;
  }

  /** An image without alt text: the lead image, or one in the body (by its {@code src}). */
  public record MissingAlt(String image, boolean lead) {
    public String describe() {
      return lead
          ? "the lead image " + image + " has no alt text in the media library"
          : "the image " + image + " in the text has no alt text";
    }
  }

  public List<MissingAlt> missingAltText(Article article) {
    return missingAltText(article.leadImage(), article.bodyHtml());
  }

  /** For an article being saved: its Markdown body rendered as readers will get it. */
  public List<MissingAlt> missingAltText(ArticleInput input, BodyRenderer renderer) {
    return missingAltText(input.leadImage(), renderer.render(input.lang(), input.bodyMarkdown()));
  }

  /**
   * The publish rule of the editor. Library images need their library alt text and body images
   * their Markdown alt text. A lead image outside the library (the demo's generated illustrations,
   * an importer's paths) has no record to hold alt text: it passes when a caption describes it, and
   * counts as missing otherwise.
   */
  public List<MissingAlt> beforePublishing(ArticleInput input, BodyRenderer renderer) {
    String lead = input.leadImage();
    boolean captionedOutsider =
        lead != null
            && !lead.isBlank()
            && !MediaNames.isLibraryFile(lead)
            && input.leadCaption() != null
            && !input.leadCaption().isBlank();
    return missingAltText(
        captionedOutsider ? null : lead, renderer.render(input.lang(), input.bodyMarkdown()));
  }

  public List<MissingAlt> missingAltText(String leadImage, String bodyHtml) {
    List<MissingAlt> missing = new ArrayList<>();
    if (leadImage != null && !leadImage.isBlank()) {
      boolean described =
          MediaNames.isValid(leadImage)
              && repository.findByFile(leadImage).filter(m -> !m.altText().isBlank()).isPresent();
      if (!described) {
        missing.add(new MissingAlt(leadImage, true));
      }
    }
    if (bodyHtml != null && bodyHtml.contains("<img")) {
      for (Element img : Jsoup.parseBodyFragment(bodyHtml).select("img")) {
        if (img.attr("alt").isBlank()) {
          missing.add(new MissingAlt(img.attr("src"), false));
        }
      }
    }
    return missing;
  }
}

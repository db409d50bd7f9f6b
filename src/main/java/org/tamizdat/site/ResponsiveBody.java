package org.tamizdat.site;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * Gives the body's images of the media library their {@code srcset}, {@code sizes} and intrinsic
 * size when a page is rendered, not when the body is saved: an image uploaded or re-processed later
 * still gets them, and the stored body stays what the sanitizer made of the text.
 */
final class ResponsiveBody {
  private static final String MEDIA = "/media/";

  private ResponsiveBody() {}

  static String apply(String html, StoredImages images, Urls urls) {
    if (images == StoredImages.NONE || !html.contains("\"" + MEDIA)) {
      return html;
    }
    Document doc = Jsoup.parseBodyFragment(html);
    doc.outputSettings()
        .prettyPrint(false)
        .charset(StandardCharsets.UTF_8)
        .escapeMode(Entities.EscapeMode.xhtml);
    boolean changed = false;
    for (Element img : doc.select("img[src^=" + MEDIA + "]")) {
      String file = img.attr("src").substring(MEDIA.length());
      var picture = Picture.of(images, urls, file, Picture.STORY_SIZES);
      if (picture.isPresent()) {
        Picture p = picture.get();
        img.attr("src", p.src()).attr("srcset", p.srcset()).attr("sizes", p.sizes());
        img.attr("width", String.valueOf(p.width())).attr("height", String.valueOf(p.height()));
        if (!img.hasAttr("loading")) {
          img.attr("loading", "lazy");
        }
        changed = true;
      }
    }
    return changed ? doc.body().html() : html;
  }
}

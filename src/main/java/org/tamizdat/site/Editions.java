package org.tamizdat.site;

import java.util.Locale;
import java.util.Optional;
import org.tamizdat.article.Language;
import org.tamizdat.web.HttpError;
import org.tamizdat.web.Request;

/**
 * Which edition a request is for: its first path segment, or for {@code /} the reader's browser.
 */
public final class Editions {
  private Editions() {}

  public static Language fromPath(Request request) {
    return Language.fromCode(request.param("lang"))
        .orElseThrow(() -> HttpError.notFound("no such edition"));
  }

  /** For error pages: the edition in the path if there is one, otherwise the browser's choice. */
  public static Language guess(Request request) {
    String path = request.path();
    if (path.length() >= 3 && path.charAt(0) == '/') {
      Optional<Language> inPath = Language.fromCode(path.substring(1, 3));
      if (inPath.isPresent() && (path.length() == 3 || path.charAt(3) == '/')) {
        return inPath.get();
      }
    }
    return preferred(request.header("Accept-Language").orElse(""));
  }

  /** The edition with the highest q-value in an Accept-Language header; English by default. */
  public static Language preferred(String acceptLanguage) {
    Language best = Language.EN;
    double bestQ = 0;
    for (String part : acceptLanguage.split(",")) {
      String[] pieces = part.strip().split(";", -1);
      String tag = pieces[0].strip().toLowerCase(Locale.ROOT);
      double q = 1.0;
      for (int i = 1; i < pieces.length; i++) {
        String param = pieces[i].strip();
        if (param.startsWith("q=")) {
          try {
            q = Double.parseDouble(param.substring(2));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
      Optional<Language> lang = Language.fromCode(primary);
      if (lang.isPresent() && q > bestQ) {
        best = lang.get();
        bestQ = q;
      }
    }
    return best;
  }
}

package org.tamizdat.export;

import java.net.URI;
import java.time.ZoneId;
import java.util.Optional;
import org.tamizdat.config.Config;
import org.tamizdat.site.Urls;

/**
 * Which copy of the site an export is for, and so where its absolute links point. Canonical links
 * and structured data name the primary site, except in an onion export, which must not send a
 * reader back to the clearnet; feeds, sitemap files and robots.txt name the copy being read.
 */
public record ExportTarget(Kind kind, URI canonicalBase, URI servedBase) {

  /** The primary site, a configured mirror, some other address, or the onion service. */
  public enum Kind {
    PRIMARY,
    MIRROR,
    OTHER,
    ONION
  }

  /**
   * @param baseUrl {@code --base-url}: where the files will be served (default: the primary site)
   * @param onion {@code --onion}: for the configured onion service
   */
  public static ExportTarget of(Config config, Optional<URI> baseUrl, boolean onion) {
    URI primary = config.baseUrl();
    if (onion) {
      if (baseUrl.isPresent()) {
        throw new IllegalArgumentException("--onion and --base-url exclude each other");
      }
      URI address =
          config
              .onionUrl()
              .orElseThrow(
                  () -> new IllegalArgumentException("--onion needs TAMIZDAT_ONION_URL to be set"));
      return new ExportTarget(Kind.ONION, address, address);
    }
    URI base = baseUrl.orElse(primary);
    if (base.equals(primary)) {
      return new ExportTarget(Kind.PRIMARY, primary, primary);
    }
    if (config.mirrors().contains(base)) {
      // A mirror carries the same articles: search engines should credit the primary site.
      return new ExportTarget(Kind.MIRROR, primary, base);
    }
    return new ExportTarget(Kind.OTHER, base, base);
  }

  public Urls urls(ZoneId zone, Optional<URI> onionUrl) {
    return new Urls(canonicalBase, servedBase, onionUrl, zone);
  }
}

package org.tamizdat.site;

import java.util.List;
import org.tamizdat.site.Messages.Bundle;

/**
 * Everything the shared layout needs: head metadata, the header with ticker and day counter,
 * navigation, the language switch and the footer.
 */
public record Chrome(
    String lang,
    Bundle text,
    String siteName,
    String homeUrl,
    String searchUrl,
    String pageTitle,
    String description,
    String canonicalUrl,
    List<Alternate> alternates,
    Link languageSwitch,
    String switchLang,
    List<Link> sections,
    String activeSection,
    List<TickerView> ticker,
    String dayCounter,
    String dayCounterTitle,
    String cssUrl,
    String scriptUrl,
    String iconUrl,
    Discovery discovery) {}

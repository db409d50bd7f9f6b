package org.tamizdat.admin.editorial;

import org.tamizdat.admin.settings.DayCounterSettings;
import org.tamizdat.admin.settings.TickerStatus;

/** Everything the editorial screens use, built once by {@code App}. */
public record EditorialServices(
    Editorial editorial,
    Revisions revisions,
    AdminArticles articles,
    CatalogEditor catalog,
    ArticlePreview preview,
    DayCounterSettings dayCounters,
    TickerStatus ticker) {}

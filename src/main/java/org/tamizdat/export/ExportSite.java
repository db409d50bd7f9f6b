package org.tamizdat.export;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tamizdat.article.Language;
import org.tamizdat.site.Messages;
import org.tamizdat.site.Templates;
import org.tamizdat.site.Urls;
import org.tamizdat.web.Assets;
import org.tamizdat.web.Dispatcher;

/**
 * The public site as built for an export's addresses.
 *
 * @param settings every setting that shows in pages, so that changing one renders everything
 * @param mediaFiles every stored file a page showing {@code /media/name} may load (the resized
 *     copies of a library image in its {@code srcset}), the name itself included
 */
public record ExportSite(
    ExportTarget target,
    Urls urls,
    Dispatcher dispatcher,
    Assets assets,
    Templates templates,
    Messages messages,
    Map<Language, String> siteNames,
    Path mediaDir,
    ZoneId zone,
    String settings,
    Function<String, List<String>> mediaFiles) {

  public ExportSite(
      ExportTarget target,
      Urls urls,
      Dispatcher dispatcher,
      Assets assets,
      Templates templates,
      Messages messages,
      Map<Language, String> siteNames,
      Path mediaDir,
      ZoneId zone,
      String settings) {
    this(
        target,
        urls,
        dispatcher,
        assets,
        templates,
        messages,
        siteNames,
        mediaDir,
        zone,
        settings,
        List::of);
  }
}

package org.tamizdat.export;

import java.util.List;
import org.tamizdat.site.Chrome;
import org.tamizdat.site.FeedLink;

/** The "How to reach us" page. */
public record ReachUsView(
    Chrome chrome,
    String title,
    String intro,
    List<Address> addresses,
    List<FeedLink> feeds,
    String mirrorListUrl) {

  /**
   * One way in. Shown as text, not as a link: readers copy it into another browser (Tor Browser for
   * the onion service), and no page of an onion copy may lead back to the clearnet.
   */
  public record Address(String label, String url, String note) {}
}

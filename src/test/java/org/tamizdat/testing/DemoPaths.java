package org.tamizdat.testing;

/** Addresses in the demo newsroom that tests of other packages rely on. */
public final class DemoPaths {
  /** An English investigation with a Russian translation, two authors, tags and a lead image. */
  public static final String EN_ARTICLE = "/en/2026/11/18/sosnovy-yar-water-a-year-after-the-blast";

  public static final String RU_ARTICLE = "/ru/2026/11/18/sosnovyj-yar-voda-iz-bochki";

  /** An English article without a translation. */
  public static final String EN_ONLY = "/en/2026/11/08/tulvinsk-apartment-theatre-banned-plays";

  private DemoPaths() {}
}

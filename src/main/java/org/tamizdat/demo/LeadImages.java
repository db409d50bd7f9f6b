package org.tamizdat.demo;

/** Placeholder until the generator lands from its branch. */
public final class LeadImages {
  public static String svg(String seed, String label) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1200 675\" width=\"1200\" height=\"675\"><rect width=\"1200\" height=\"675\" fill=\"#556\"/></svg>";
  }
}

package org.tamizdat.media;

/**
 * What people write about an image. Alt text describes it for readers who cannot see it; the
 * caption says what it shows; the credit names who made it.
 */
public record MediaText(String altText, String caption, String credit) {
  public static final int MAX_ALT = 1000;
  public static final int MAX_CAPTION = 1000;
  public static final int MAX_CREDIT = 300;

  public MediaText {
    altText = clean(altText, MAX_ALT, "alt text");
    caption = clean(caption, MAX_CAPTION, "caption");
    credit = clean(credit, MAX_CREDIT, "credit");
  }

  public static MediaText none() {
    return new MediaText("", "", "");
  }

  private static String clean(String value, int max, String what) {
    String text = value == null ? "" : value.strip();
    if (text.codePointCount(0, text.length()) > max) {
      throw new MediaRejected("the " + what + " is longer than " + max + " characters");
    }
    return text;
  }
}

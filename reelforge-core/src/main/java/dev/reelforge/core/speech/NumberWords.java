package dev.reelforge.core.speech;

/** English words for numbers: cardinals, ordinals and years, as a narrator reads them. */
final class NumberWords {

  private static final String[] ONES = {
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen"
  };
  private static final String[] TENS = {
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"
  };
  private static final String[] SCALES = {"", " thousand", " million", " billion", " trillion"};

  private NumberWords() {}

  /** {@code 1250} → "one thousand two hundred fifty". Up to 999 trillion. */
  static String cardinal(long n) {
    if (n < 0) {
      return "minus " + cardinal(-n);
    }
    if (n < 1000) {
      return belowThousand((int) n);
    }
    StringBuilder out = new StringBuilder();
    int scale = 0;
    while (n > 0) {
      int chunk = (int) (n % 1000);
      if (chunk > 0) {
        String words = belowThousand(chunk) + SCALES[scale];
        out.insert(0, out.isEmpty() ? words : words + " ");
      }
      n /= 1000;
      scale++;
    }
    return out.toString();
  }

  private static String belowThousand(int n) {
    if (n < 20) {
      return ONES[n];
    }
    if (n < 100) {
      return TENS[n / 10] + (n % 10 == 0 ? "" : "-" + ONES[n % 10]);
    }
    return ONES[n / 100] + " hundred" + (n % 100 == 0 ? "" : " " + belowThousand(n % 100));
  }

  /** {@code 21} → "twenty-first". */
  static String ordinal(long n) {
    String words = cardinal(n);
    int cut = Math.max(words.lastIndexOf(' '), words.lastIndexOf('-')) + 1;
    String head = words.substring(0, cut);
    String last = words.substring(cut);
    return head
        + switch (last) {
          case "one" -> "first";
          case "two" -> "second";
          case "three" -> "third";
          case "five" -> "fifth";
          case "eight" -> "eighth";
          case "nine" -> "ninth";
          case "twelve" -> "twelfth";
          default ->
              last.endsWith("y") ? last.substring(0, last.length() - 1) + "ieth" : last + "th";
        };
  }

  /** {@code 1999} → "nineteen ninety-nine", {@code 2005} → "two thousand five". */
  static String year(int year) {
    int high = year / 100;
    int low = year % 100;
    if (year >= 2000 && year < 2010) {
      return cardinal(year);
    }
    if (low == 0) {
      return cardinal(high) + " hundred";
    }
    return cardinal(high) + " " + (low < 10 ? "oh " + cardinal(low) : cardinal(low));
  }
}

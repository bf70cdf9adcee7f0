package dev.reelforge.core.ingest;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML character references decoded: numeric ones all, named ones that prose uses (quotes, dashes,
 * spaces, accents, symbols). An unknown name is left as written rather than guessed.
 */
final class Entities {

  private static final Pattern REFERENCE =
      Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));");

  private static final Map<String, String> NAMED =
      Map.ofEntries(
          Map.entry("amp", "&"),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          // A no-break space reads as a space; keeping it would stop white space collapsing.
          Map.entry("nbsp", " "),
          Map.entry("ensp", " "),
          Map.entry("emsp", " "),
          Map.entry("thinsp", " "),
          Map.entry("shy", ""),
          Map.entry("zwj", ""),
          Map.entry("zwnj", ""),
          Map.entry("ndash", "–"),
          Map.entry("mdash", "—"),
          Map.entry("hellip", "…"),
          Map.entry("lsquo", "‘"),
          Map.entry("rsquo", "’"),
          Map.entry("ldquo", "“"),
          Map.entry("rdquo", "”"),
          Map.entry("laquo", "«"),
          Map.entry("raquo", "»"),
          Map.entry("middot", "·"),
          Map.entry("bull", "•"),
          Map.entry("deg", "°"),
          Map.entry("times", "×"),
          Map.entry("divide", "÷"),
          Map.entry("plusmn", "±"),
          Map.entry("minus", "−"),
          Map.entry("micro", "µ"),
          Map.entry("frac12", "½"),
          Map.entry("frac14", "¼"),
          Map.entry("frac34", "¾"),
          Map.entry("sup2", "²"),
          Map.entry("sup3", "³"),
          Map.entry("euro", "€"),
          Map.entry("pound", "£"),
          Map.entry("yen", "¥"),
          Map.entry("cent", "¢"),
          Map.entry("copy", "©"),
          Map.entry("reg", "®"),
          Map.entry("trade", "™"),
          Map.entry("sect", "§"),
          Map.entry("para", "¶"),
          Map.entry("aacute", "á"),
          Map.entry("agrave", "à"),
          Map.entry("acirc", "â"),
          Map.entry("auml", "ä"),
          Map.entry("aring", "å"),
          Map.entry("atilde", "ã"),
          Map.entry("ccedil", "ç"),
          Map.entry("eacute", "é"),
          Map.entry("egrave", "è"),
          Map.entry("ecirc", "ê"),
          Map.entry("euml", "ë"),
          Map.entry("iacute", "í"),
          Map.entry("igrave", "ì"),
          Map.entry("icirc", "î"),
          Map.entry("iuml", "ï"),
          Map.entry("ntilde", "ñ"),
          Map.entry("oacute", "ó"),
          Map.entry("ograve", "ò"),
          Map.entry("ocirc", "ô"),
          Map.entry("ouml", "ö"),
          Map.entry("otilde", "õ"),
          Map.entry("oslash", "ø"),
          Map.entry("uacute", "ú"),
          Map.entry("ugrave", "ù"),
          Map.entry("ucirc", "û"),
          Map.entry("uuml", "ü"),
          Map.entry("szlig", "ß"),
          Map.entry("Eacute", "É"),
          Map.entry("Auml", "Ä"),
          Map.entry("Ouml", "Ö"),
          Map.entry("Uuml", "Ü"),
          Map.entry("Aring", "Å"),
          Map.entry("Oslash", "Ø"),
          Map.entry("aelig", "æ"),
          Map.entry("AElig", "Æ"));

  private Entities() {}

  static String decode(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group(1) != null || m.group(2) != null) {
        int code =
            m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
        replacement =
            code == 0xA0
                ? " "
                : Character.isValidCodePoint(code) && code != 0
                    ? Character.toString(code)
                    : m.group();
      } else {
        replacement = NAMED.getOrDefault(m.group(3), m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}

package dev.reelforge.core.jobs.memory;

/**
 * The little JSON the in-memory job store needs without a JSON library in core: a strict syntax
 * check (RFC 8259), so that payloads PostgreSQL would refuse as {@code jsonb} are refused here too.
 * Event data is written by {@code JsonText}, as PostgreSQL's store writes it. Other in-memory
 * stores ({@code core.brand.memory}) check their JSON with it too.
 */
public final class Json {

  /** Deeper documents are refused rather than risking the checker's stack. */
  static final int MAX_DEPTH = 512;

  private Json() {}

  /** Whether {@code text} is one complete JSON value. */
  public static boolean isValid(String text) {
    if (text == null) {
      return false;
    }
    Checker checker = new Checker(text);
    try {
      checker.skipSpace();
      checker.value(0);
      checker.skipSpace();
      return checker.at == text.length();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A recursive-descent walk that throws IllegalArgumentException at the first error. */
  private static final class Checker {
    private final String text;
    private int at;

    Checker(String text) {
      this.text = text;
    }

    void value(int depth) {
      if (depth > MAX_DEPTH) {
        throw new IllegalArgumentException("too deep");
      }
      switch (peek()) {
        case '{' -> object(depth);
        case '[' -> array(depth);
        case '"' -> string();
        case 't' -> literal("true");
        case 'f' -> literal("false");
        case 'n' -> literal("null");
        default -> number();
      }
    }

    private void object(int depth) {
      at++;
      skipSpace();
      if (peek() == '}') {
        at++;
        return;
      }
      while (true) {
        skipSpace();
        if (peek() != '"') {
          throw new IllegalArgumentException("key expected");
        }
        string();
        skipSpace();
        expect(':');
        skipSpace();
        value(depth + 1);
        skipSpace();
        if (peek() == ',') {
          at++;
        } else {
          expect('}');
          return;
        }
      }
    }

    private void array(int depth) {
      at++;
      skipSpace();
      if (peek() == ']') {
        at++;
        return;
      }
      while (true) {
        skipSpace();
        value(depth + 1);
        skipSpace();
        if (peek() == ',') {
          at++;
        } else {
          expect(']');
          return;
        }
      }
    }

    private void string() {
      at++;
      while (true) {
        char c = next();
        if (c == '"') {
          return;
        }
        if (c < 0x20) {
          throw new IllegalArgumentException("control character in a string");
        }
        if (c == '\\') {
          char escaped = next();
          if (escaped == 'u') {
            for (int i = 0; i < 4; i++) {
              if (Character.digit(next(), 16) < 0) {
                throw new IllegalArgumentException("bad \\u escape");
              }
            }
          } else if ("\"\\/bfnrt".indexOf(escaped) < 0) {
            throw new IllegalArgumentException("bad escape");
          }
        }
      }
    }

    private void number() {
      if (peek() == '-') {
        at++;
      }
      if (peek() == '0') {
        at++;
      } else {
        digits();
      }
      if (at < text.length() && text.charAt(at) == '.') {
        at++;
        digits();
      }
      if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
        at++;
        if (peek() == '+' || peek() == '-') {
          at++;
        }
        digits();
      }
    }

    private void digits() {
      int start = at;
      while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
        at++;
      }
      if (at == start) {
        throw new IllegalArgumentException("digit expected");
      }
    }

    private void literal(String word) {
      if (!text.startsWith(word, at)) {
        throw new IllegalArgumentException(word + " expected");
      }
      at += word.length();
    }

    void skipSpace() {
      while (at < text.length()) {
        char c = text.charAt(at);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
          return;
        }
        at++;
      }
    }

    private void expect(char c) {
      if (next() != c) {
        throw new IllegalArgumentException(c + " expected");
      }
    }

    private char peek() {
      if (at >= text.length()) {
        throw new IllegalArgumentException("unexpected end");
      }
      return text.charAt(at);
    }

    private char next() {
      char c = peek();
      at++;
      return c;
    }
  }
}

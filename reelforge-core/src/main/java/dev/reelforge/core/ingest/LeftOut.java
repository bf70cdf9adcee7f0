package dev.reelforge.core.ingest;

import java.util.ArrayList;
import java.util.List;

/** A tally of what ingest left out, phrased for the user. */
final class LeftOut {

  private int codeBlocks;
  private int codeLines;
  private int tables;
  private int tableRows;
  private int images;
  private int codeSentences;
  private int headings;

  void codeBlock(int lines) {
    codeBlocks++;
    codeLines += lines;
  }

  void table(int rows) {
    tables++;
    tableRows += rows;
  }

  void image() {
    images++;
  }

  void sentenceWithCode() {
    codeSentences++;
  }

  void heading() {
    headings++;
  }

  List<String> describe() {
    List<String> parts = new ArrayList<>();
    if (codeBlocks > 0) {
      parts.add(count(codeBlocks, "a code block", "code blocks") + " (" + lines(codeLines) + ")");
    }
    if (tables > 0) {
      parts.add(
          count(tables, "a table", "tables")
              + " ("
              + tableRows
              + (tableRows == 1 ? " row)" : " rows)"));
    }
    if (images > 0) {
      parts.add(count(images, "an image", "images"));
    }
    if (codeSentences > 0) {
      parts.add(count(codeSentences, "a sentence with code in it", "sentences with code in them"));
    }
    if (headings > 0) {
      parts.add(count(headings, "a section heading", "section headings"));
    }
    return parts;
  }

  private static String count(int n, String one, String many) {
    return n == 1 ? one : n + " " + many;
  }

  private static String lines(int n) {
    return n == 1 ? "1 line" : n + " lines";
  }
}

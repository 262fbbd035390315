package dev.chainmail.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A Markdown table whose columns are padded to line up in a terminal as well as render on GitHub. The first few
 * columns, which hold names, are left-aligned; the others, which hold numbers, right-aligned. Instances are not
 * thread-safe.
 */
public final class MarkdownTable {

  private final List<String[]> rows = new ArrayList<>();
  private final int columns;
  private final int textColumns;

  /**
   * @param textColumns how many leading columns hold names and are left-aligned
   * @param headers the column headings
   */
  public MarkdownTable(int textColumns, String... headers) {
    this.columns = headers.length;
    this.textColumns = textColumns;
    rows.add(headers.clone());
  }

  /**
   * Adds a row.
   *
   * @param cells one cell per column
   * @return this table
   * @throws IllegalArgumentException if the number of cells differs from the number of columns
   */
  public MarkdownTable row(String... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
    }
    rows.add(cells.clone());
    return this;
  }

  /** @return {@code true} if no row was added below the headers */
  public boolean isEmpty() {
    return rows.size() == 1;
  }

  /** @return the table as Markdown, one line per row, ending with a line break */
  public String render() {
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      line(out, rows.get(r), widths);
      if (r == 0) {
        out.append('|');
        for (int i = 0; i < columns; i++) {
          boolean left = i < textColumns;
          out.append(left ? " :" : " ").append("-".repeat(Math.max(1, widths[i] - 1)))
              .append(left ? " |" : ": |");
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  private void line(StringBuilder out, String[] cells, int[] widths) {
    out.append('|');
    for (int i = 0; i < cells.length; i++) {
      String padding = " ".repeat(widths[i] - cells[i].length());
      out.append(' ').append(i < textColumns ? cells[i] + padding : padding + cells[i]).append(" |");
    }
    out.append('\n');
  }
}

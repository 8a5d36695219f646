package dev.todo.api.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Comma-separated values as RFC 4180 has them (and spreadsheets write them): fields in double quotes may hold commas,
 * line breaks and doubled quotes; CRLF or LF ends a record. Cells written for spreadsheets are guarded against formula
 * injection: one that starts with =, +, -, @, a tab or a carriage return (or with an apostrophe followed by one) gets
 * a leading apostrophe, which {@link #unguard} takes off again on import.
 */
final class Csv {

    private static final Set<Character> FORMULA_STARTS = Set.of('=', '+', '-', '@', '\t', '\r');

    /** A record and its number in the file, counting the header as 1. */
    record Row(int number, List<String> cells) {

        String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : "";
        }

        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /** Thrown for a file that is not CSV at all, naming the record. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        final int row;

        Malformed(int row, String message) {
            super(message, null, false, false);
            this.row = row;
        }
    }

    private Csv() {}

    static List<Row> parse(String text) throws Malformed {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    cell.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (cell.isEmpty() && !wasQuoted) {
                        quoted = true;
                        wasQuoted = true;
                    } else {
                        cell.append(c);
                    }
                }
                case ',' -> {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    wasQuoted = false;
                }
                case '\r', '\n' -> {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    cells.add(cell.toString());
                    rows.add(new Row(rows.size() + 1, List.copyOf(cells)));
                    cells.clear();
                    cell.setLength(0);
                    wasQuoted = false;
                }
                default -> cell.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new Malformed(rows.size() + 1, "a quoted field is not closed: a double quote is missing");
        }
        if (!cell.isEmpty() || !cells.isEmpty() || wasQuoted) {
            cells.add(cell.toString());
            rows.add(new Row(rows.size() + 1, List.copyOf(cells)));
        }
        return rows;
    }

    static String line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quote(guard(cells.get(i))));
        }
        return line.append("\r\n").toString();
    }

    static String guard(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean guarded = first == '\'' && value.length() > 1 && FORMULA_STARTS.contains(value.charAt(1));
        return FORMULA_STARTS.contains(first) || guarded ? "'" + value : value;
    }

    static String unguard(String value) {
        return value.length() > 1
                        && value.charAt(0) == '\''
                        && (FORMULA_STARTS.contains(value.charAt(1))
                                || value.charAt(1) == '\''
                                        && value.length() > 2
                                        && FORMULA_STARTS.contains(value.charAt(2)))
                ? value.substring(1)
                : value;
    }

    private static String quote(String value) {
        boolean needs = value.contains(",")
                || value.contains("\"")
                || value.contains("\n")
                || value.contains("\r")
                || !value.strip().equals(value);
        return needs ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}

package org.concordia.cli;

/** CSV cells as RFC 4180 writes them: quoted when they hold a comma, a quote or a line break. */
final class Csv {
    private Csv() {}

    static String cell(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}

package mx.cte.core.api.text;

/** What users typed, written into a CSV file that a spreadsheet program will open. */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    /**
     * Defused: a cell starting with {@code = + - @}, a tab or a carriage return would run as a formula when opened
     * (CSV injection), so it gets a leading apostrophe, which spreadsheets show as plain text. Null reads as empty.
     */
    public static String defused(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}

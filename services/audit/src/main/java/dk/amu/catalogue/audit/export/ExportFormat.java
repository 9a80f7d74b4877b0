package dk.amu.catalogue.audit.export;

import java.util.Locale;

/** The two export formats: a spreadsheet's and a program's. */
public enum ExportFormat {

    /** UTF-8 with a byte order mark, so a spreadsheet shows Danish letters; RFC 4180 quoting. */
    CSV("text/csv;charset=UTF-8", "csv"),
    /** One JSON object per line. */
    JSONL("application/jsonl", "jsonl");

    private final String mediaType;

    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static ExportFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("format must be csv or jsonl, got '" + text + "'");
        }
    }
}

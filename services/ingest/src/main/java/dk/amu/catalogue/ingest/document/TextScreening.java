package dk.amu.catalogue.ingest.document;

import java.nio.charset.Charset;
import java.util.HexFormat;

/**
 * Refuses extracted text that would turn into garbage titles: control characters (a binary file
 * or a PDF font without a usable character map), replacement characters (an earlier lossy
 * conversion) and UTF-8 that was decoded as Windows-1252 and saved again ("Ã¸" for "ø").
 */
final class TextScreening {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextScreening() {
    }

    static void screen(String text) {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\n';
            if (endsLine(c, next)) {
                line++;
            } else if (isForbiddenControl(c)) {
                throw new DocumentRejectedException("control character U+" + hex(c)
                        + " found; the file looks binary, not like an FKB document", line);
            } else if (c == '\uFFFD') {
                throw new DocumentRejectedException("the text contains a replacement character (U+FFFD); "
                        + "letters were lost in an earlier conversion, export the document again", line);
            } else if (isMojibake(c, next)) {
                throw new DocumentRejectedException("garbled text '" + c + next
                        + "'; the file looks double-encoded, save it as UTF-8 and try again", line);
            }
        }
    }

    // the same line breaks as DocumentLines, so the line numbers agree
    private static boolean endsLine(char c, char next) {
        return c == '\n' || c == '\f' || (c == '\r' && next != '\n');
    }

    private static boolean isForbiddenControl(char c) {
        return (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\r')
                || c == '\u2028' || c == '\u2029';
    }

    // UTF-8 lead bytes C2/C3 read as Windows-1252 are Â/Ã, and continuation bytes 80-BF read as
    // Windows-1252 are characters no Danish word puts right after them.
    private static boolean isMojibake(char lead, char next) {
        if (lead != 'Ã' && lead != 'Â') {
            return false;
        }
        byte[] encoded = String.valueOf(next).getBytes(WINDOWS_1252);
        int b = encoded[0] & 0xFF;
        return encoded.length == 1 && b >= 0x80 && b <= 0xBF;
    }

    private static String hex(char c) {
        return HexFormat.of().withUpperCase().toHexDigits(c);
    }
}

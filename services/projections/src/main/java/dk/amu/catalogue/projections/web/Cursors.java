package dk.amu.catalogue.projections.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque cursors: the sort key of the last item of a page, so the next page starts after it even
 * when rows were added in between. Clients pass them back unchanged.
 */
public final class Cursors {

    private static final String SEPARATOR = "\u001f";

    private Cursors() {
    }

    public static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws BadCursorException when the text is not a cursor this API handed out with that many parts
     */
    public static List<String> decode(String cursor, int parts) {
        try {
            var decoded = List.of(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                    .split(SEPARATOR, -1));
            if (decoded.size() != parts) {
                throw new BadCursorException(cursor);
            }
            return decoded;
        }
        catch (IllegalArgumentException ex) {
            throw new BadCursorException(cursor);
        }
    }

    /** A cursor that this API did not hand out. */
    public static class BadCursorException extends IllegalArgumentException {

        BadCursorException(String cursor) {
            super("'" + cursor + "' is not a cursor of this list: follow the 'next' URL of the previous page as it is");
        }
    }
}
